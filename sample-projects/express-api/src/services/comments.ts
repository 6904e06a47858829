import { pool } from '../db.js';
import type { Comment } from '../models/comment.js';

export async function listComments(projectId: string): Promise<Comment[]> {
  const { rows } = await pool.query<Comment>(
    'SELECT id, project_id AS "projectId", author_id AS "authorId", body, created_at AS "createdAt", edited_at AS "editedAt" FROM comments WHERE project_id = $1 ORDER BY created_at',
    [projectId],
  );
  return rows;
}

export async function addComment(projectId: string, authorId: string, body: string): Promise<Comment> {
  const { rows } = await pool.query<Comment>(
    'INSERT INTO comments (project_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, project_id AS "projectId", author_id AS "authorId", body, created_at AS "createdAt", edited_at AS "editedAt"',
    [projectId, authorId, body],
  );
  return rows[0]!;
}

export async function deleteComment(projectId: string, id: string, authorId: string): Promise<boolean> {
  const { rowCount } = await pool.query('DELETE FROM comments WHERE project_id = $1 AND id = $2 AND author_id = $3', [
    projectId,
    id,
    authorId,
  ]);
  return (rowCount ?? 0) > 0;
}
