import { pool } from '../db.js';

export interface EmailTemplate {
  id: string;
  teamId: string;
  name: string;
  subject: string;
  body: string;
  updatedAt: Date;
}

export function renderTemplate(template: Pick<EmailTemplate, 'subject' | 'body'>, vars: Record<string, string>) {
  const fill = (text: string) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? '');
  return { subject: fill(template.subject), body: fill(template.body) };
}

export async function listTemplates(teamId: string): Promise<EmailTemplate[]> {
  const { rows } = await pool.query<EmailTemplate>(
    'SELECT id, team_id AS "teamId", name, subject, body, updated_at AS "updatedAt" FROM email_templates WHERE team_id = $1',
    [teamId],
  );
  return rows;
}

export async function saveTemplate(teamId: string, name: string, subject: string, body: string): Promise<EmailTemplate> {
  const { rows } = await pool.query<EmailTemplate>(
    `INSERT INTO email_templates (team_id, name, subject, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, name) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = now()
     RETURNING id, team_id AS "teamId", name, subject, body, updated_at AS "updatedAt"`,
    [teamId, name, subject, body],
  );
  return rows[0]!;
}
