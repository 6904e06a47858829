import { z } from 'zod';

import { emailSchema } from './common.js';

export const roleSchema = z.enum(['owner', 'admin', 'member', 'viewer']);

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema.default('member'),
});

export const updateUserSchema = createUserSchema.partial();

export const listUsersQuery = z.object({
  role: roleSchema.optional(),
  search: z.string().max(100).optional(),
  includeDeactivated: z.coerce.boolean().default(false),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
