import { pool, withTransaction } from '../db.js';
import { orderTotalCents, type Order } from '../models/order.js';
import type { CreateOrderInput } from '../schemas/order.js';
import { convertCents } from './exchange-rates.js';

interface OrderRow {
  id: string;
  team_id: string;
  status: Order['status'];
  currency: string;
  lines: Order['lines'];
  created_at: string;
}

const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  teamId: row.team_id,
  status: row.status,
  currency: row.currency,
  lines: row.lines,
  createdAt: new Date(row.created_at),
});

export async function listOrders(teamId: string, limit: number, cursor?: string): Promise<Order[]> {
  const { rows } = await pool.query<OrderRow>(
    'SELECT * FROM orders WHERE team_id = $1 AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3',
    [teamId, cursor ?? null, limit + 1],
  );
  return rows.map(toOrder);
}

export async function getOrder(teamId: string, id: string): Promise<Order | null> {
  const { rows } = await pool.query<OrderRow>('SELECT * FROM orders WHERE team_id = $1 AND id = $2', [teamId, id]);
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function placeOrder(teamId: string, input: CreateOrderInput): Promise<Order> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<OrderRow>(
      "INSERT INTO orders (team_id, status, currency, lines) VALUES ($1, 'pending', $2, $3) RETURNING *",
      [teamId, input.currency, JSON.stringify(input.lines)],
    );
    const order = toOrder(rows[0]!);
    const totalUsd = await convertCents(orderTotalCents(order), order.currency, 'USD');
    await client.query('INSERT INTO ledger (team_id, order_id, amount_usd_cents) VALUES ($1, $2, $3)', [teamId, order.id, totalUsd]);
    return order;
  });
}

export async function refundOrder(teamId: string, id: string, reason: string): Promise<Order | null> {
  const { rows } = await pool.query<OrderRow>(
    "UPDATE orders SET status = 'refunded', refund_reason = $3 WHERE team_id = $1 AND id = $2 AND status = 'paid' RETURNING *",
    [teamId, id, reason],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}
