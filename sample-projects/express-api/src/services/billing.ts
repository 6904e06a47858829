import { pool } from '../db.js';
import { invoiceFromOrder, type Invoice } from '../models/invoice.js';
import type { Order } from '../models/order.js';
import { convertCents } from './exchange-rates.js';

export async function listInvoices(teamId: string): Promise<Invoice[]> {
  const { rows } = await pool.query<Invoice>('SELECT * FROM invoices WHERE team_id = $1 ORDER BY issued_at DESC', [teamId]);
  return rows;
}

export async function getInvoice(teamId: string, id: string): Promise<Invoice | null> {
  const { rows } = await pool.query<Invoice>('SELECT * FROM invoices WHERE team_id = $1 AND id = $2', [teamId, id]);
  return rows[0] ?? null;
}

export async function issueInvoice(order: Order): Promise<Invoice> {
  const { rows: seq } = await pool.query<{ next: string }>("SELECT nextval('invoice_number_seq') AS next");
  const draft = invoiceFromOrder(order, `INV-${seq[0]?.next ?? '0'}`);
  const { rows } = await pool.query<Invoice>(
    'INSERT INTO invoices (number, order_id, team_id, currency, total_cents, issued_at, due_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *',
    [draft.number, draft.orderId, draft.teamId, draft.currency, draft.totalCents, draft.issuedAt, draft.dueAt],
  );
  return rows[0]!;
}

export async function monthlyRevenueUsd(teamId: string, month: string): Promise<number> {
  const { rows } = await pool.query<{ currency: string; total: number }>(
    "SELECT currency, sum(total_cents)::int AS total FROM invoices WHERE team_id = $1 AND to_char(issued_at, 'YYYY-MM') = $2 GROUP BY 1",
    [teamId, month],
  );
  const converted = await Promise.all(rows.map((row) => convertCents(row.total, row.currency, 'USD')));
  return converted.reduce((a, b) => a + b, 0);
}

export interface Subscription {
  teamId: string;
  plan: 'free' | 'growth' | 'enterprise';
  seats: number;
  renewsAt: Date;
  cancelAtPeriodEnd: boolean;
}

export async function getSubscription(teamId: string): Promise<Subscription | null> {
  const { rows } = await pool.query<Subscription>('SELECT * FROM subscriptions WHERE team_id = $1', [teamId]);
  return rows[0] ?? null;
}

export async function changePlan(teamId: string, plan: Subscription['plan'], seats: number): Promise<Subscription | null> {
  const { rows } = await pool.query<Subscription>(
    'UPDATE subscriptions SET plan = $2, seats = $3 WHERE team_id = $1 RETURNING *',
    [teamId, plan, seats],
  );
  return rows[0] ?? null;
}
