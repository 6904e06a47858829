import { pool } from '../db.js';
import { slugify, type Project } from '../models/project.js';
import type { CreateProjectInput } from '../schemas/project.js';

export async function listProjects(teamId: string, includeArchived: boolean): Promise<Project[]> {
  const { rows } = await pool.query<Project>(
    'SELECT id, team_id AS "teamId", name, slug, archived FROM projects WHERE team_id = $1 AND ($2 OR NOT archived) ORDER BY name',
    [teamId, includeArchived],
  );
  return rows;
}

export async function createProject(teamId: string, input: CreateProjectInput): Promise<Project> {
  const { rows } = await pool.query<Project>(
    'INSERT INTO projects (team_id, name, slug, description) VALUES ($1, $2, $3, $4) RETURNING id, team_id AS "teamId", name, slug, archived',
    [teamId, input.name, slugify(input.name), input.description ?? null],
  );
  return rows[0]!;
}

export async function updateProject(teamId: string, id: string, patch: Partial<CreateProjectInput> & { archived?: boolean }) {
  const { rows } = await pool.query<Project>(
    `UPDATE projects SET name = coalesce($3, name), description = coalesce($4, description), archived = coalesce($5, archived)
      WHERE team_id = $1 AND id = $2 RETURNING id, team_id AS "teamId", name, slug, archived`,
    [teamId, id, patch.name ?? null, patch.description ?? null, patch.archived ?? null],
  );
  return rows[0] ?? null;
}
