import { orderTotalCents, type Order } from './order.js';

export interface Invoice {
  id: string;
  number: string;
  orderId: string;
  teamId: string;
  currency: string;
  totalCents: number;
  issuedAt: Date;
  dueAt: Date;
}

export function invoiceFromOrder(order: Order, number: string, netDays = 30): Omit<Invoice, 'id'> {
  const issuedAt = new Date();
  return {
    number,
    orderId: order.id,
    teamId: order.teamId,
    currency: order.currency,
    totalCents: orderTotalCents(order),
    issuedAt,
    dueAt: new Date(issuedAt.getTime() + netDays * 86_400_000),
  };
}
