import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity';

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User, (user) => user.orders)
  user: User;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OrderStatus;

  @Column({ type: 'int' })
  totalCents: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @CreateDateColumn()
  createdAt: Date;
}
