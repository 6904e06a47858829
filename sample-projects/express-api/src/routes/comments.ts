import { Router } from 'express';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { Comment } from '../models/comment.js';
import { createCommentSchema } from '../schemas/project.js';
import { addComment, deleteComment, listComments } from '../services/comments.js';

const router = Router({ mergeParams: true });

const summarize = (comment: Comment) => ({
  ...comment,
  preview: comment.body.length > 140 ? `${comment.body.slice(0, 137)}...` : comment.body,
});

router.use(requireAuth);

router.get(
  '/:projectId/comments',
  asyncHandler(async (req, res) => {
    const comments = await listComments(req.params.projectId!);
    res.json({ items: comments.map(summarize) });
  }),
);

router.post(
  '/:projectId/comments',
  validate(createCommentSchema),
  asyncHandler(async (req, res) => {
    const { body } = createCommentSchema.parse(req.body);
    const comment = await addComment(req.params.projectId!, currentUser(res).id, body);
    res.status(201).json(summarize(comment));
  }),
);

router.delete(
  '/:projectId/comments/:id',
  asyncHandler(async (req, res) => {
    const deleted = await deleteComment(req.params.projectId!, req.params.id!, currentUser(res).id);
    res.status(deleted ? 204 : 404).end();
  }),
);

export default router;
