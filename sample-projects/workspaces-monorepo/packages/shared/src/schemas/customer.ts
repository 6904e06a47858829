import { z } from 'zod';

export const customerSchema = z.object({
  id: z.string().uuid(),
  email: z.string().email(),
  name: z.string().min(1).max(200),
  marketingOptIn: z.boolean().default(false),
});

export type Customer = z.infer<typeof customerSchema>;
