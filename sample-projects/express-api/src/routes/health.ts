import { Router } from 'express';

const router = Router();
const startedAt = Date.now();

router.get('/healthz', (_req, res) => {
  res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
});

router.get('/readyz', (_req, res) => {
  res.json({ status: 'ready', startedAt: new Date(startedAt).toISOString() });
});

export default router;
