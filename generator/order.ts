import { readFileSync } from 'node:fs';

/** One order, exactly the Avro record of `orders.avsc` (field names as in the schema). */
export interface Order {
  order_id: string;
  /** Epoch milliseconds, UTC. */
  event_ts: number;
  user_id: string;
  session_id: string;
  ip_address: string;
  product_id: string;
  product_name: string;
  category: string;
  /** KRW, integer. */
  unit_price: number;
  quantity: number;
  payment_method: string;
  channel: string;
  device_type: string;
  user_agent: string;
  country: string;
  region: string;
  coupon_code: string | null;
  is_new_account: boolean;
}

/** Subject under which the value schema is registered (TopicNameStrategy for topic `orders`). */
export const ORDERS_SUBJECT = 'orders-value';

/** The schema text, read from the file that is its source of truth. */
export const ORDERS_SCHEMA_TEXT: string = readFileSync(new URL('./orders.avsc', import.meta.url), 'utf8');

/** High-value threshold of the HIGH_VALUE_ORDERS query: unit_price * quantity >= this. */
export const HIGH_VALUE_KRW = 500_000;

/** The SUSPICIOUS_IPS rule: COUNT(*) >= 10 in a hopping window of 60 s advancing by 10 s. */
export const SUSPICIOUS_IP = { threshold: 10, windowMs: 60_000, advanceMs: 10_000 } as const;

export function orderTotal(order: Pick<Order, 'unit_price' | 'quantity'>): number {
  return order.unit_price * order.quantity;
}
