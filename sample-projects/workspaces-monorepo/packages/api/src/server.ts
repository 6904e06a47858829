import express from 'express';

import customers from './routes/customers.js';
import health from './routes/health.js';
import pricing from './routes/pricing.js';
import products from './routes/products.js';

export function createApp() {
  const app = express();
  app.use(express.json());
  app.use('/', health);
  app.use('/products', products);
  app.use('/customers', customers);
  app.use('/pricing', pricing);
  return app;
}
