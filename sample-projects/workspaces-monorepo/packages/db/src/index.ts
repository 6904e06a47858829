export { closeDb, db } from './client.js';
export * from './repositories/customers.js';
export * from './repositories/products.js';
