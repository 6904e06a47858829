import { Router } from 'express';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { page, paginationQuery } from '@/lib/pagination.js';
import { validate } from '@/lib/validate.js';
import { increment, observe } from '../metrics.js';
import { orderTotalCents } from '../models/order.js';
import { idParam } from '../schemas/common.js';
import { createOrderSchema, refundOrderSchema } from '../schemas/order.js';
import { getOrder, listOrders, placeOrder, refundOrder } from '../services/orders.js';

const router = Router();

router.use(requireAuth);

router.get(
  '/',
  validate(paginationQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { limit, cursor } = paginationQuery.parse(req.query);
    const rows = await listOrders(currentUser(res).teamId, limit, cursor);
    res.json(page(rows, limit));
  }),
);

router.get(
  '/:id',
  validate(idParam, 'params'),
  asyncHandler(async (req, res) => {
    const order = await getOrder(currentUser(res).teamId, req.params.id!);
    if (!order) {
      throw notFound('order');
    }
    res.json({ ...order, totalCents: orderTotalCents(order) });
  }),
);

router.post(
  '/',
  validate(createOrderSchema),
  asyncHandler(async (req, res) => {
    const started = Date.now();
    const order = await placeOrder(currentUser(res).teamId, createOrderSchema.parse(req.body));
    increment('orders.placed');
    observe('orders.place_ms', Date.now() - started);
    res.status(201).json(order);
  }),
);

router.post(
  '/:id/refund',
  requireRole('owner', 'admin'),
  validate(refundOrderSchema),
  asyncHandler(async (req, res) => {
    const { reason } = refundOrderSchema.parse(req.body);
    const order = await refundOrder(currentUser(res).teamId, req.params.id!, reason);
    if (!order) {
      throw notFound('paid order');
    }
    increment('orders.refunded');
    res.json(order);
  }),
);

export default router;
