import { BadRequestException, Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';

import { CreateOrderDto } from './dto/create-order.dto';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly ordersService: OrdersService) {}

  @Get()
  findForUser(@Query('userId', ParseIntPipe) userId: number) {
    return this.ordersService.findForUser(userId);
  }

  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number) {
    return this.ordersService.findOne(id);
  }

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.ordersService.create(dto);
  }

  @Post(':id/cancel')
  async cancel(@Param('id', ParseIntPipe) id: number) {
    const order = await this.ordersService.findOne(id);
    if (OrdersService.isFinal(order.status)) {
      throw new BadRequestException(`order ${id} is already ${order.status}`);
    }
    return this.ordersService.setStatus(id, 'cancelled');
  }
}
