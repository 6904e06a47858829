import { applyDiscount, formatMoney, type Currency } from '@mono/shared';
import { Router } from 'express';
import { z } from 'zod';

const router = Router();

const quoteSchema = z.object({
  priceCents: z.number().int().nonnegative(),
  currency: z.enum(['USD', 'EUR', 'GBP']),
  discountPercent: z.number().min(0).max(100).default(0),
});

router.post('/quote', (req, res) => {
  const parsed = quoteSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.flatten().fieldErrors });
    return;
  }
  const { priceCents, currency, discountPercent } = parsed.data;
  const total = applyDiscount(priceCents, discountPercent);
  res.json({ totalCents: total, display: formatMoney(total, currency as Currency) });
});

export default router;
