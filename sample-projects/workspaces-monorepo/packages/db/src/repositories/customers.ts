import type { Customer } from '@mono/shared';

import { db } from '../client.js';

export async function findCustomerByEmail(email: string): Promise<Customer | undefined> {
  return db<Customer>('customers').where({ email: email.toLowerCase() }).first();
}

export async function searchCustomers(term: string, limit = 20): Promise<Customer[]> {
  return db<Customer>('customers').whereILike('name', `%${term}%`).orderBy('name').limit(limit);
}
