import { Router } from 'express';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { validate } from '@/lib/validate.js';
import { createProjectSchema, updateProjectSchema } from '../schemas/project.js';
import { createProject, listProjects, updateProject } from '../services/projects.js';

const router = Router();

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (req, res) => {
    const includeArchived = req.query.archived === 'true';
    res.json({ items: await listProjects(currentUser(res).teamId, includeArchived) });
  }),
);

router.post(
  '/',
  validate(createProjectSchema),
  asyncHandler(async (req, res) => {
    const project = await createProject(currentUser(res).teamId, createProjectSchema.parse(req.body));
    res.status(201).json(project);
  }),
);

router.patch(
  '/:id',
  validate(updateProjectSchema),
  asyncHandler(async (req, res) => {
    const project = await updateProject(currentUser(res).teamId, req.params.id!, updateProjectSchema.parse(req.body));
    if (!project) {
      throw notFound('project');
    }
    res.json(project);
  }),
);

export default router;
