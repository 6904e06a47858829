import axios from 'axios';
import { Router } from 'express';
import { z } from 'zod';

import { config } from '../config.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { HttpError } from '../lib/http-error.js';
import { validate } from '../lib/validate.js';
import { secrets } from '../secrets.js';

const router = Router();

const PROVIDERS = {
  slack: { tokenUrl: 'https://slack.com/api/oauth.v2.access', clientId: 'acme-slack' },
  hubspot: { tokenUrl: 'https://api.hubapi.com/oauth/v1/token', clientId: 'acme-hubspot' },
} as const;

const connectSchema = z.object({
  provider: z.enum(['slack', 'hubspot']),
  code: z.string().min(10),
});

router.post(
  '/connect',
  requireAuth,
  requireRole('owner', 'admin'),
  validate(connectSchema),
  asyncHandler(async (req, res) => {
    const { provider, code } = connectSchema.parse(req.body);
    const { tokenUrl, clientId } = PROVIDERS[provider];
    const response = await axios.post<{ access_token?: string; ok?: boolean }>(tokenUrl, {
      client_id: clientId,
      client_secret: secrets.integrationsClientSecret,
      code,
      redirect_uri: `${config.app.publicUrl}/integrations/callback`,
    });
    if (response.status >= 400) {
      throw new HttpError(502, `${provider} rejected the authorization code`);
    }
    res.status(201).json({ provider, teamId: currentUser(res).teamId, connected: true });
  }),
);

export default router;
