import { Router } from 'express';

import { config } from '../config.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { conflict, notFound } from '../lib/http-error.js';
import { validate } from '../lib/validate.js';
import { CAMPAIGN_TRANSITIONS } from '../models/campaign.js';
import type { CampaignStatus } from '../models/campaign.js';
import { idParam } from '../schemas/common.js';
import { campaignStatusSchema, createCampaignSchema, listCampaignsQuery } from '../schemas/campaign.js';
import { zerodb } from '../services/zerodb.js';

const router = Router();

router.use(requireAuth);

router.get(
  '/',
  validate(listCampaignsQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { status, limit } = listCampaignsQuery.parse(req.query);
    const items = await zerodb.listCampaigns(currentUser(res).teamId, status, limit);
    res.json({ items });
  }),
);

router.get(
  '/:id',
  validate(idParam, 'params'),
  asyncHandler(async (req, res) => {
    const campaign = await zerodb.getCampaign(currentUser(res).teamId, req.params.id!);
    if (!campaign) {
      throw notFound('campaign');
    }
    res.json({ ...campaign, dashboardUrl: `${config.app.publicUrl}/campaigns/${campaign.id}` });
  }),
);

router.post(
  '/',
  validate(createCampaignSchema),
  asyncHandler(async (req, res) => {
    const campaign = await zerodb.createCampaign(currentUser(res).teamId, createCampaignSchema.parse(req.body));
    res.status(201).json(campaign);
  }),
);

router.post(
  '/:id/status',
  asyncHandler(async (req, res) => {
    const teamId = currentUser(res).teamId;
    const next: CampaignStatus = campaignStatusSchema.parse(req.body?.status);
    const campaign = await zerodb.getCampaign(teamId, req.params.id!);
    if (!campaign) {
      throw notFound('campaign');
    }
    if (!CAMPAIGN_TRANSITIONS[campaign.status].includes(next)) {
      throw conflict(`cannot move a ${campaign.status} campaign to ${next}`);
    }
    res.json(await zerodb.setStatus(teamId, campaign.id, next));
  }),
);

export default router;
