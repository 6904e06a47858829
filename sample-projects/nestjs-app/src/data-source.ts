import { DataSource } from 'typeorm';

import { Order } from './orders/order.entity';
import { User } from './users/user.entity';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop',
  entities: [User, Order],
  synchronize: false,
  logging: process.env.TYPEORM_LOGGING === 'true',
  poolSize: 10,
});
