import { CATALOG, type Product } from '../catalog.ts';
import type { SessionProfile } from '../profile.ts';

/** What bots buy: scarce or resellable items (gift cards, consoles, earphones, sneakers). */
export const BOT_TARGETS: readonly Product[] = CATALOG.filter(
  (p) => p.category === 'gift_card' || /스위치|에어팟|버즈|에어포스|삼바/.test(p.name),
);

export const BOT_PROFILE: SessionProfile = {
  channel: 'web',
  device_type: 'desktop',
  user_agent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  payment_method: 'card',
  country: 'KR',
  region: 'Seoul',
};

/** `n` times spread over `spanMs` from `start`, each jittered within its own slot (increasing). */
export function spreadTimes(prng: { next(): number }, start: number, n: number, spanMs: number): number[] {
  const slot = spanMs / n;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(start + Math.floor(i * slot + prng.next() * slot * 0.9));
  return out;
}
