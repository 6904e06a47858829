import { cached } from '../cache.js';
import { pool } from '../db.js';

export interface SearchHit {
  kind: 'user' | 'project' | 'campaign';
  id: string;
  title: string;
  score: number;
}

export async function search(teamId: string, q: string, kinds: SearchHit['kind'][]): Promise<SearchHit[]> {
  const key = `search:${teamId}:${kinds.join(',')}:${q.toLowerCase()}`;
  return cached(key, 30, async () => {
    const { rows } = await pool.query<SearchHit>(
      "SELECT kind, id, title, ts_rank(document, plainto_tsquery($2)) AS score FROM search_index WHERE team_id = $1 AND kind = ANY($3) AND document @@ plainto_tsquery($2) ORDER BY score DESC LIMIT 20",
      [teamId, q, kinds],
    );
    return rows;
  });
}
