import type { NewProduct, Product } from '@mono/shared';

import { db } from '../client.js';

export async function listProducts(opts: { category?: string; limit: number; offset: number }): Promise<Product[]> {
  const query = db<Product>('products').select('*').orderBy('name').limit(opts.limit).offset(opts.offset);
  return opts.category ? query.where({ category: opts.category }) : query;
}

export async function findProduct(id: string): Promise<Product | undefined> {
  return db<Product>('products').where({ id }).first();
}

export async function insertProduct(input: NewProduct): Promise<Product> {
  const [row] = await db<Product>('products').insert(input).returning('*');
  return row!;
}
