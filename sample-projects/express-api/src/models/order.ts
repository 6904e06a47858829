export type OrderStatus = 'pending' | 'paid' | 'refunded' | 'cancelled';

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: string;
  teamId: string;
  status: OrderStatus;
  currency: string;
  lines: OrderLine[];
  createdAt: Date;
}

export function orderTotalCents(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}
