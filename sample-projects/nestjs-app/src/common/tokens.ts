export const ORDER_REPOSITORY = Symbol('ORDER_REPOSITORY');
export const ORDER_EVENTS_TOPIC = 'orders';
