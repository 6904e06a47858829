import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Repository } from 'typeorm';

import { ORDER_REPOSITORY } from '../common/tokens';
import type { CreateOrderDto } from './dto/create-order.dto';
import { Order, type OrderStatus } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@Inject(ORDER_REPOSITORY) private readonly orders: Repository<Order>) {}

  findForUser(userId: number): Promise<Order[]> {
    return this.orders.find({ where: { user: { id: userId } as Order['user'] }, order: { createdAt: 'DESC' } });
  }

  async findOne(id: number): Promise<Order> {
    const order = await this.orders.findOneBy({ id });
    if (!order) {
      throw new NotFoundException(`order ${id} not found`);
    }
    return order;
  }

  create(dto: CreateOrderDto): Promise<Order> {
    const order = this.orders.create({
      user: { id: dto.userId } as Order['user'],
      totalCents: dto.totalCents,
      currency: dto.currency,
      status: 'pending',
    });
    return this.orders.save(order);
  }

  async setStatus(id: number, status: OrderStatus): Promise<Order> {
    const order = await this.findOne(id);
    order.status = status;
    return this.orders.save(order);
  }

  static isFinal(status: OrderStatus): boolean {
    return status === 'shipped' || status === 'cancelled';
  }

  static readonly entity = Order;
}
