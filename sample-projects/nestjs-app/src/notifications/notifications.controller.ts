import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

import { NotificationsService } from './notifications.service';

class SendNotificationDto {
  @IsString()
  @Length(1, 80)
  title: string;

  @IsString()
  @Length(1, 400)
  body: string;
}

@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post('users/:userId')
  @HttpCode(202)
  send(@Param('userId', ParseIntPipe) userId: number, @Body() dto: SendNotificationDto) {
    return this.notifications.notifyUser(userId, dto.title, dto.body);
  }
}
