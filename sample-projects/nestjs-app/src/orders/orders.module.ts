import { Module } from '@nestjs/common';

import { ORDER_REPOSITORY } from '../common/tokens';
import { AppDataSource } from '../data-source';
import { Order } from './order.entity';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  controllers: [OrdersController],
  providers: [
    OrdersService,
    {
      provide: ORDER_REPOSITORY,
      useFactory: () => AppDataSource.getRepository(Order),
    },
  ],
  exports: [OrdersService],
})
export class OrdersModule {}
