import { z } from 'zod';

import { currencySchema } from './common.js';

export const orderLineSchema = z.object({
  sku: z.string().min(1).max(64),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
});

export const createOrderSchema = z.object({
  currency: currencySchema,
  lines: z.array(orderLineSchema).nonempty(),
  couponCode: z.string().max(32).optional(),
});

export const refundOrderSchema = z.object({
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']),
  note: z.string().max(500).optional(),
});

export type CreateOrderInput = z.infer<typeof createOrderSchema>;
