import { Module } from '@nestjs/common';

import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [UsersModule, OrdersModule, NotificationsModule],
  controllers: [HealthController],
})
export class AppModule {}
