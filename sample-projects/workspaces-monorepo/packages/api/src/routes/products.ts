import { findProduct, insertProduct, listProducts } from '@mono/db';
import { formatMoney, newProductSchema } from '@mono/shared';
import { Router } from 'express';
import { z } from 'zod';

const router = Router();

const listQuery = z.object({
  category: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).default(0),
});

router.get('/', async (req, res, next) => {
  try {
    const products = await listProducts(listQuery.parse(req.query));
    res.json({ items: products.map((p) => ({ ...p, price: formatMoney(p.priceCents, p.currency) })) });
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const product = await findProduct(req.params.id!);
    if (!product) {
      res.status(404).json({ error: 'product not found' });
      return;
    }
    res.json({ ...product, price: formatMoney(product.priceCents, product.currency) });
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  const parsed = newProductSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: parsed.error.flatten().fieldErrors });
    return;
  }
  try {
    res.status(201).json(await insertProduct(parsed.data));
  } catch (err) {
    next(err);
  }
});

export default router;
