import { pickQuantity, type Product } from './catalog.ts';
import { ulid } from './ids.ts';
import type { Order } from './order.ts';
import { drawCoupon, type SessionProfile } from './profile.ts';
import type { Prng } from './prng.ts';

export interface Buyer {
  readonly user_id: string;
  readonly session_id: string;
  readonly ip_address: string;
  readonly profile: SessionProfile;
  readonly is_new_account: boolean;
}

/** Builds one order; the id's random part and the coupon come from `prng`. */
export function makeOrder(
  prng: Prng,
  eventTs: number,
  buyer: Buyer,
  product: Product,
  quantity: number = pickQuantity(prng, product),
): Order {
  const p = buyer.profile;
  return {
    order_id: ulid(eventTs, prng),
    event_ts: eventTs,
    user_id: buyer.user_id,
    session_id: buyer.session_id,
    ip_address: buyer.ip_address,
    product_id: product.id,
    product_name: product.name,
    category: product.category,
    unit_price: product.price,
    quantity,
    payment_method: p.payment_method,
    channel: p.channel,
    device_type: p.device_type,
    user_agent: p.user_agent,
    country: p.country,
    region: p.region,
    coupon_code: drawCoupon(prng),
    is_new_account: buyer.is_new_account,
  };
}

/** A user id for the n-th user of a population: `U`, one population digit, 9 digits. */
export function userId(populationTag: number, n: number): string {
  return `U${populationTag}${String(n).padStart(9, '0')}`;
}
