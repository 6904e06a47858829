import knex from 'knex';

export const db = knex({
  client: 'pg',
  connection: process.env.DATABASE_URL ?? 'postgres://storefront:storefront@localhost:5432/storefront',
  pool: { min: 2, max: 10 },
});

export async function closeDb(): Promise<void> {
  await db.destroy();
}
