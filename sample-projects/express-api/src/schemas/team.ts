import { z } from 'zod';

import { emailSchema } from './common.js';
import { roleSchema } from './user.js';

export const updateTeamSchema = z.object({
  name: z.string().trim().min(2).max(80).optional(),
  seats: z.number().int().min(1).max(5000).optional(),
});

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema.default('member'),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
