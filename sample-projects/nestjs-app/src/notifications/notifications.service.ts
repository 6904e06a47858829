import { Injectable, Logger } from '@nestjs/common';

import { messaging } from '../common/firebase';
import { UsersService } from '../users/users.service';

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(private readonly usersService: UsersService) {}

  async notifyUser(userId: number, title: string, body: string): Promise<{ sent: boolean }> {
    const user = await this.usersService.findOne(userId);
    if (!user.pushToken) {
      this.logger.debug(`user ${userId} has no push token`);
      return { sent: false };
    }
    await messaging().send({ token: user.pushToken, notification: { title, body } });
    return { sent: true };
  }

  async broadcastOrderUpdate(orderId: number, status: string): Promise<void> {
    await messaging().send({ topic: 'orders', data: { orderId: String(orderId), status } });
  }
}
