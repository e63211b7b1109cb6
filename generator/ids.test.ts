import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalIp, NORMAL_FIRST_OCTETS } from './ip.ts';
import { sessionId, ulid, ulidTime } from './ids.ts';
import { Prng } from './prng.ts';
import { drawProfile } from './profile.ts';
import { OrderSource } from './source.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The ULID spec written out plainly: 10 time characters, then 16 from four 20-bit draws. */
function referenceUlid(timeMs: number, prng: Prng): string {
  let time = '';
  for (let t = timeMs, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  let rest = '';
  for (let i = 0; i < 4; i++) {
    const v = prng.nextU32() & 0xfffff;
    for (let shift = 15; shift >= 0; shift -= 5) rest += CROCKFORD[(v >>> shift) & 31];
  }
  return time + rest;
}

describe('ids', () => {
  it('ULIDs are the spec encoding of the time and the seeded draws', () => {
    const a = new Prng('ids');
    const b = new Prng('ids');
    for (const t of [0, 1, 1767225600000, 1767225600001, 1767225600001, 0xffffffffffff]) {
      const id = ulid(t, a);
      expect(id).toBe(referenceUlid(t, b));
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(ulidTime(id)).toBe(t);
    }
    expect(() => ulid(-1, a)).toThrow(RangeError);
  });

  it('session ids are S + two 32-bit draws in hex, big-endian', () => {
    const a = new Prng('session');
    const b = new Prng('session');
    for (let i = 0; i < 100; i++) {
      const hex = (v: number) => v.toString(16).padStart(8, '0');
      expect(sessionId(a)).toBe(`S${hex(b.nextU32())}${hex(b.nextU32())}`);
    }
  });

  it('normal addresses are the 28-bit bijection rendered as dotted quads', () => {
    const seen = new Set<string>();
    for (const n of [0, 1, 2, 255, 65_535, 1 << 20, (1 << 28) - 1]) {
      const ip = normalIp(n);
      const octets = ip.split('.').map(Number);
      expect(octets).toHaveLength(4);
      expect(NORMAL_FIRST_OCTETS).toContain(octets[0]);
      for (const o of octets) expect(o).toBeGreaterThanOrEqual(0);
      for (const o of octets) expect(o).toBeLessThanOrEqual(255);
      expect(normalIp(n)).toBe(ip); // the cached halves give the same text
      seen.add(ip);
    }
    expect(seen.size).toBe(7);
  });
});

describe('drawProfile', () => {
  it('shares one frozen object between equal profiles', () => {
    const prng = new Prng('profile');
    const byKey = new Map<string, object>();
    for (let i = 0; i < 20_000; i++) {
      const p = drawProfile(prng);
      expect(Object.isFrozen(p)).toBe(true);
      const key = JSON.stringify(p);
      const seen = byKey.get(key);
      if (seen) expect(p).toBe(seen);
      else byKey.set(key, p);
    }
    expect(byKey.size).toBeGreaterThan(100);
    expect(byKey.size).toBeLessThan(20_000);
  });
});

describe('generated traffic', () => {
  it('is exactly what this seed has always produced (allocation work must not change a draw)', () => {
    // SHA-256 of the first 50,000 records of every scenario for seed "golden", computed before
    // ids, addresses and profiles were built without intermediate strings and objects.
    const hash = createHash('sha256');
    const source = new OrderSource({
      scenarios: [
        'baseline',
        'macro-bot',
        'distributed-bots',
        'slow-drip',
        'high-value',
        'late-events',
        'malformed',
      ],
      rate: 500,
      seed: 'golden',
      startMs: Date.UTC(2026, 10, 24),
      count: 50_000,
    });
    for (const e of source) {
      hash.update(
        `${JSON.stringify(e, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))}\n`,
      );
    }
    expect(hash.digest('hex')).toBe('b64c21c62c95942c6d768304134d22bf47e5837180cc115c4f099863ab0ea95a');
  });
});
