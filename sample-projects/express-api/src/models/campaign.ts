export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'finished';

export interface Campaign {
  id: string;
  teamId: string;
  name: string;
  status: CampaignStatus;
  budgetCents: number;
  startsAt: Date | null;
  endsAt: Date | null;
}

export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['scheduled', 'running'],
  scheduled: ['running', 'draft'],
  running: ['paused', 'finished'],
  paused: ['running', 'finished'],
  finished: [],
};
