import { Router } from 'express';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { increment } from '../metrics.js';
import { orderTotalCents } from '../models/order.js';
import { recordAudit } from '../services/audit.js';
import { listOrders } from '../services/orders.js';

const router = Router();

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

router.get(
  '/orders.csv',
  requireAuth,
  requireRole('owner', 'admin'),
  asyncHandler(async (_req, res) => {
    const user = currentUser(res);
    const orders = await listOrders(user.teamId, 10_000);
    const lines = [
      'id,status,currency,total_cents,created_at',
      ...orders.map((o) =>
        [o.id, o.status, o.currency, orderTotalCents(o), o.createdAt.toISOString()].map(csvCell).join(','),
      ),
    ];
    await recordAudit(user.teamId, user.id, 'export.orders', `${orders.length} rows`);
    increment('exports.orders');
    res.type('text/csv').send(lines.join('\n'));
  }),
);

export default router;
