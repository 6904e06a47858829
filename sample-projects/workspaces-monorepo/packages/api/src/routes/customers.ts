import * as repo from '@mono/db';
import type { Customer } from '@mono/shared';
import { Router } from 'express';

const router = Router();

const publicView = (customer: Customer) => ({ id: customer.id, name: customer.name });

router.get('/search', async (req, res, next) => {
  try {
    const term = String(req.query.q ?? '').trim();
    if (term.length < 2) {
      res.status(400).json({ error: 'query too short' });
      return;
    }
    const customers = await repo.searchCustomers(term);
    res.json({ items: customers.map(publicView) });
  } catch (err) {
    next(err);
  }
});

export default router;
