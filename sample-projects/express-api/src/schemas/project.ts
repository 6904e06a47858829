import { z } from 'zod';

export const createProjectSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2000).optional(),
});

export const updateProjectSchema = createProjectSchema.partial().extend({
  archived: z.boolean().optional(),
});

export const createCommentSchema = z.object({
  body: z.string().trim().min(1).max(10_000),
});

export type CreateProjectInput = z.infer<typeof createProjectSchema>;
