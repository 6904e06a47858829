import AWS from 'aws-sdk';
import { Router } from 'express';
import { z } from 'zod';

import { runWarehouseQuery } from '../analytics/warehouse.js';
import { config } from '../config.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import type { Order } from '../models/order.js';

const router = Router();

const revenueReportSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  format: z.enum(['csv', 'json']).default('csv'),
});

type RevenueRow = { day: string; currency: Order['currency']; orders: number; revenue_cents: number };

router.use(requireAuth, requireRole('owner', 'admin'));

router.get(
  '/revenue/preview',
  asyncHandler(async (req, res) => {
    const { month } = revenueReportSchema.parse(req.query);
    const rows = await runWarehouseQuery<RevenueRow>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, orders, revenue_cents FROM daily_revenue WHERE team_id = $1 AND to_char(day, 'YYYY-MM') = $2 ORDER BY day",
      [currentUser(res).teamId, month],
    );
    res.json({ items: rows.slice(0, 31) });
  }),
);

router.post(
  '/revenue',
  validate(revenueReportSchema),
  asyncHandler(async (req, res) => {
    const { month, format } = revenueReportSchema.parse(req.body);
    const teamId = currentUser(res).teamId;
    const rows = await runWarehouseQuery<RevenueRow>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, orders, revenue_cents FROM daily_revenue WHERE team_id = $1 AND to_char(day, 'YYYY-MM') = $2 ORDER BY day",
      [teamId, month],
    );
    const body =
      format === 'json'
        ? JSON.stringify(rows)
        : ['day,currency,orders,revenue_cents', ...rows.map((r) => `${r.day},${r.currency},${r.orders},${r.revenue_cents}`)].join('\n');

    const s3 = new AWS.S3({ region: config.reports.region });
    const key = `reports/${teamId}/revenue-${month}.${format}`;
    await s3
      .putObject({
        Bucket: config.reports.bucket,
        Key: key,
        Body: body,
        ContentType: format === 'json' ? 'application/json' : 'text/csv',
        ServerSideEncryption: 'AES256',
      })
      .promise();
    const url = await s3.getSignedUrlPromise('getObject', {
      Bucket: config.reports.bucket,
      Key: key,
      Expires: config.reports.urlTtlSeconds,
    });
    res.status(201).json({ url, rows: rows.length });
  }),
);

export default router;
