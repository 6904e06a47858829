import type { Pool } from 'pg';

import { createPool } from '../db/pool-factory.js';
import type { Campaign, CampaignStatus } from '../models/campaign.js';
import type { CreateCampaignInput } from '../schemas/campaign.js';

interface CampaignRow {
  id: string;
  team_id: string;
  name: string;
  status: CampaignStatus;
  budget_cents: number;
  starts_at: string | null;
  ends_at: string | null;
}

const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  status: row.status,
  budgetCents: row.budget_cents,
  startsAt: row.starts_at ? new Date(row.starts_at) : null,
  endsAt: row.ends_at ? new Date(row.ends_at) : null,
});

export class ZeroDBService {
  private readonly pool: Pool;

  constructor() {
    this.pool = createPool('zerodb');
  }

  async listCampaigns(teamId: string, status: CampaignStatus | undefined, limit: number): Promise<Campaign[]> {
    const { rows } = await this.pool.query<CampaignRow>(
      'SELECT * FROM campaigns WHERE team_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC LIMIT $3',
      [teamId, status ?? null, limit],
    );
    return rows.map(toCampaign);
  }

  async getCampaign(teamId: string, id: string): Promise<Campaign | null> {
    const { rows } = await this.pool.query<CampaignRow>('SELECT * FROM campaigns WHERE team_id = $1 AND id = $2', [teamId, id]);
    return rows[0] ? toCampaign(rows[0]) : null;
  }

  async createCampaign(teamId: string, input: CreateCampaignInput): Promise<Campaign> {
    const { rows } = await this.pool.query<CampaignRow>(
      "INSERT INTO campaigns (team_id, name, status, budget_cents, starts_at, ends_at) VALUES ($1, $2, 'draft', $3, $4, $5) RETURNING *",
      [teamId, input.name, input.budgetCents, input.startsAt ?? null, input.endsAt ?? null],
    );
    return toCampaign(rows[0]!);
  }

  async setStatus(teamId: string, id: string, status: CampaignStatus): Promise<Campaign | null> {
    const { rows } = await this.pool.query<CampaignRow>(
      'UPDATE campaigns SET status = $3 WHERE team_id = $1 AND id = $2 RETURNING *',
      [teamId, id, status],
    );
    return rows[0] ? toCampaign(rows[0]) : null;
  }
}

export const zerodb = new ZeroDBService();
