import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { storeUpload } from '../services/storage.js';

const router = Router();

const uploadSchema = z.object({
  fileName: z.string().regex(/^[\w.-]{1,200}$/),
  bytes: z.number().int().positive(),
  contentType: z.string().min(3),
});

router.post(
  '/',
  requireAuth,
  validate(uploadSchema),
  asyncHandler(async (req, res) => {
    const { fileName, bytes } = uploadSchema.parse(req.body);
    const stored = await storeUpload(currentUser(res).teamId, fileName, bytes);
    res.status(201).json(stored);
  }),
);

export default router;
