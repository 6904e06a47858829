import { runWarehouseQuery } from '../analytics/warehouse.js';

export interface Comment {
  id: string;
  projectId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
}

// Legacy helper from before the comments service existed; still used by the monthly engagement report.
export async function countCommentsByProject(teamId: string): Promise<Array<{ projectId: string; n: number }>> {
  return runWarehouseQuery('SELECT project_id AS "projectId", count(*)::int AS n FROM comments WHERE team_id = $1 GROUP BY 1', [
    teamId,
  ]);
}
