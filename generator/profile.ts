import { type Prng, WeightedPicker } from './prng.ts';

/** Per-session attributes of a shopper: how they connect, pay and where they ship to. */
export interface SessionProfile {
  readonly channel: string;
  readonly device_type: string;
  readonly user_agent: string;
  readonly payment_method: string;
  readonly country: string;
  readonly region: string;
}

const w = <T>(pairs: readonly (readonly [T, number])[]) =>
  new WeightedPicker(pairs.map(([item, weight]) => ({ item, weight })));

const UA = {
  app_android: [
    'ShopApp/5.12.0 (Android 14; SM-S928N)',
    'ShopApp/5.12.0 (Android 13; SM-A546N)',
    'ShopApp/5.11.3 (Android 14; Pixel 8)',
  ],
  app_ios: [
    'ShopApp/5.12.0 (iOS 18.1; iPhone16,2)',
    'ShopApp/5.12.0 (iOS 17.6; iPhone15,3)',
    'ShopApp/5.11.3 (iPadOS 18.1; iPad14,8)',
  ],
  mobile_web: [
    'Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ],
  web: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  ],
} as const;

type Channel = keyof typeof UA;

const CHANNELS = w<Channel>([
  ['app_android', 0.38],
  ['app_ios', 0.22],
  ['mobile_web', 0.2],
  ['web', 0.2],
]);
const PAYMENTS = w([
  ['card', 0.42],
  ['kakao_pay', 0.18],
  ['naver_pay', 0.15],
  ['toss_pay', 0.1],
  ['bank_transfer', 0.1],
  ['mobile_carrier', 0.05],
]);
const REGIONS = w([
  ['Seoul', 0.38],
  ['Gyeonggi', 0.26],
  ['Busan', 0.07],
  ['Incheon', 0.06],
  ['Daegu', 0.05],
  ['Gyeongnam', 0.04],
  ['Gwangju', 0.03],
  ['Daejeon', 0.03],
  ['Chungnam', 0.03],
  ['Ulsan', 0.02],
  ['Gangwon', 0.02],
  ['Jeju', 0.01],
]);
const COUNTRIES = w([
  ['KR', 0.97],
  ['US', 0.01],
  ['JP', 0.01],
  ['VN', 0.005],
  ['CN', 0.005],
]);

const DEVICES = ['desktop', 'mobile', 'tablet'] as const;

/**
 * Every distinct profile is built once (4 channels × ≤ 3 agents × 3 devices × 6 payments ×
 * 5 countries × 12 regions ≤ 12,960) and shared by the sessions that draw it: a session holds
 * its profile for its whole life, and at 100,000 orders/s ~1.5 M sessions are alive.
 */
const INTERNED: (SessionProfile | undefined)[] = [];

/** Draws a profile (the same draws, in the same order, as building it field by field). */
export function drawProfile(prng: Prng): SessionProfile {
  const c = CHANNELS.pickIndex(prng);
  const channel = CHANNELS.itemAt(c);
  const agents = UA[channel];
  const u = prng.int(agents.length);
  const user_agent = agents[u] as string;
  const d = channel === 'web' ? 0 : user_agent.includes('iPad') || prng.chance(0.05) ? 2 : 1;
  const p = PAYMENTS.pickIndex(prng);
  const k = COUNTRIES.pickIndex(prng);
  const r = REGIONS.pickIndex(prng);
  const key = ((((c * 3 + u) * 3 + d) * PAYMENTS.size + p) * COUNTRIES.size + k) * REGIONS.size + r;
  return (INTERNED[key] ??= Object.freeze({
    channel,
    device_type: DEVICES[d] as string,
    user_agent,
    payment_method: PAYMENTS.itemAt(p),
    country: COUNTRIES.itemAt(k),
    region: REGIONS.itemAt(r),
  }));
}

const COUPONS = ['WELCOME10', 'SPRING5000', 'APPONLY3000', 'VIP15', 'FREESHIP'] as const;

/** About 12 % of orders use a coupon. */
export function drawCoupon(prng: Prng): string | null {
  return prng.chance(0.12) ? prng.pick(COUPONS) : null;
}
