import { z } from 'zod';

export const idParam = z.object({
  id: z.string().uuid(),
});

export const emailSchema = z.string().trim().toLowerCase().email();

export const currencySchema = z.enum(['USD', 'EUR', 'GBP']);

export const dateRangeQuery = z.object({
  from: z.coerce.date(),
  to: z.coerce.date(),
});
