export * from './money.js';
export * from './schemas/customer.js';
export * from './schemas/product.js';
