import { z } from 'zod';

export const campaignStatusSchema = z.enum(['draft', 'scheduled', 'running', 'paused', 'finished']);

export const createCampaignSchema = z.object({
  name: z.string().trim().min(1).max(140),
  budgetCents: z.number().int().positive(),
  startsAt: z.coerce.date().optional(),
  endsAt: z.coerce.date().optional(),
  audienceSegmentId: z.string().uuid().optional(),
});

export const listCampaignsQuery = z.object({
  status: campaignStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;
