import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { IP_COOLDOWN_MS, SESSION, ShopperModel } from './shoppers.ts';
import { OrderSource } from './source.ts';
import { SUSPICIOUS_IP } from './order.ts';
import { hoppingWindowsOf } from './truth.ts';

/**
 * The statistical test behind "a normal IP never reaches 10 orders in any 60 s span, at any
 * rate": simulate event time (no real time passes) and, for every order, count the same IP's
 * orders in the 60 s ending at it. Per IP we keep the timestamps of its last 9 orders in a
 * ring; the 10th order within 60 s would be caught as ts - ring[oldest] < 60 s.
 */
function simulate(rate: number, seconds: number, seed: string) {
  const start = Date.UTC(2026, 0, 1);
  const model = new ShopperModel(new Prng(seed), start, rate, () => null);
  const K = SUSPICIOUS_IP.threshold - 1;
  let ring = new Int32Array(1 << 16).fill(-1);
  let pos = new Uint8Array(Math.ceil(ring.length / K) + 1);
  let maxInSpan = 0;
  let sessionsSeen = 0;
  let orders = 0;
  let gapViolations = 0;
  const lastTs = new Map<number, number>();
  const n = Math.floor(rate * seconds);
  for (let i = 0; i < n; i++) {
    const { at, session } = model.next();
    const ip = session.ipIndex - model.firstIpIndex;
    if ((ip + 1) * K > ring.length) {
      const bigger = new Int32Array(Math.max(ring.length * 2, (ip + 1) * K)).fill(-1);
      bigger.set(ring);
      ring = bigger;
      const biggerPos = new Uint8Array(ring.length / K + 1);
      biggerPos.set(pos);
      pos = biggerPos;
    }
    const t = at - start;
    // Orders of this IP within the 60 s ending at t: this one plus the ring entries within 60 s.
    let inSpan = 1;
    for (let j = 0; j < K; j++) {
      const prev = ring[ip * K + j] as number;
      if (prev >= 0 && t - prev < SUSPICIOUS_IP.windowMs) inSpan++;
    }
    maxInSpan = Math.max(maxInSpan, inSpan);
    ring[ip * K + (pos[ip] as number)] = t;
    pos[ip] = ((pos[ip] as number) + 1) % K;
    orders++;
    if (rate <= 1000) {
      // Within a session, orders are at least minGapMs apart (checked at low rates, per IP).
      const prev = lastTs.get(ip);
      if (
        prev !== undefined &&
        session.left < SESSION.maxOrders - 1 &&
        t - prev < SESSION.minGapMs &&
        t - prev >= 0
      ) {
        gapViolations++;
      }
      lastTs.set(ip, t);
    }
    sessionsSeen = model.sessionsStarted;
  }
  return { maxInSpan, orders, sessions: sessionsSeen, population: model.population, gapViolations };
}

describe('normal shoppers (statistical, simulated event time)', () => {
  // Long enough at each rate that addresses are reused after their cooldown many times over.
  const cases: [rate: number, seconds: number][] = [
    [1, 6 * 3600],
    [100, 1800],
    [10_000, 300],
    [100_000, 130],
  ];

  it.each(cases)(
    'at %d orders/s, no normal IP reaches 10 orders in any 60 s span (%d s simulated)',
    (rate, seconds) => {
      const r = simulate(rate, seconds, `stat-${rate}`);
      expect(r.orders).toBe(Math.floor(rate * seconds));
      expect(r.maxInSpan).toBeLessThan(SUSPICIOUS_IP.threshold);
      expect(r.maxInSpan).toBeLessThanOrEqual(SESSION.maxOrders);
      // The population grows with the rate: about rate / 2.12 new sessions per second.
      expect(r.sessions / seconds).toBeGreaterThan((rate / 2.12) * 0.7);
      expect(r.gapViolations).toBe(0);
      // Addresses are reused (the population does not grow without bound)...
      expect(r.population.ipsUsed).toBeLessThan(r.sessions);
    },
  );

  it('sessions look like people: a few orders each, tens of seconds apart', () => {
    const model = new ShopperModel(new Prng('sessions'), 0, 200, () => ({ times: [] as number[] }));
    const sessions = new Set<{ times: number[] }>();
    for (let i = 0; i < 200 * 1200; i++) {
      const { at, session } = model.next();
      session.data.times.push(at);
      sessions.add(session.data);
    }
    const complete = [...sessions].filter((s) => (s.times[0] as number) < 600_000);
    const lengths = complete.map((s) => s.times.length);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(mean).toBeGreaterThan(1.9);
    expect(mean).toBeLessThan(2.4);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(SESSION.maxOrders);
    const gaps = complete.flatMap((s) => s.times.slice(1).map((t, i) => t - (s.times[i] as number)));
    const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SESSION.minGapMs);
    expect(meanGap).toBeGreaterThan(20_000);
    expect(meanGap).toBeLessThan(45_000);
  });

  it('reuses an address only after its cooldown', () => {
    const model = new ShopperModel(new Prng('cooldown'), 0, 50, () => null);
    const last = new Map<number, { t: number; session: object }>();
    let reuses = 0;
    for (let i = 0; i < 50 * 1800; i++) {
      const { at, session } = model.next();
      const prev = last.get(session.ipIndex);
      if (prev && prev.session !== session) {
        reuses++;
        expect(at - prev.t).toBeGreaterThanOrEqual(IP_COOLDOWN_MS);
      }
      last.set(session.ipIndex, { t: at, session });
    }
    expect(reuses).toBeGreaterThan(1000);
  });

  it('holds for whole orders too: the baseline scenario at 100/s, counted in hopping 60 s / 10 s windows', () => {
    const src = new OrderSource({
      scenarios: ['baseline'],
      rate: 100,
      seed: 'hop',
      startMs: Date.UTC(2026, 0, 1),
      durationMs: 600_000,
    });
    const counts = new Map<string, number>();
    let n = 0;
    for (const e of src) {
      if (e.kind !== 'order') continue;
      n++;
      for (const w of hoppingWindowsOf(e.order.event_ts, SUSPICIOUS_IP.windowMs, SUSPICIOUS_IP.advanceMs)) {
        const k = `${e.order.ip_address}@${w}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    expect(n).toBe(60_000);
    let max = 0;
    for (const c of counts.values()) max = Math.max(max, c);
    expect(max).toBeGreaterThan(1);
    expect(max).toBeLessThan(SUSPICIOUS_IP.threshold);
  });
});
