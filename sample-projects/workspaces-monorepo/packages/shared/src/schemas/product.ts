import { z } from 'zod';

export const productSchema = z.object({
  id: z.string().uuid(),
  sku: z.string().regex(/^[A-Z0-9-]{4,32}$/),
  name: z.string().min(1).max(200),
  category: z.string().min(1),
  priceCents: z.number().int().nonnegative(),
  currency: z.enum(['USD', 'EUR', 'GBP']),
});

export const newProductSchema = productSchema.omit({ id: true });

export type Product = z.infer<typeof productSchema>;
export type NewProduct = z.infer<typeof newProductSchema>;
