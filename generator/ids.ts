import type { Prng } from './prng.ts';

/**
 * ULIDs (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford
 * base32, 26 characters, sortable by time. The random bits come from the run's seeded PRNG, so
 * a seed reproduces every id; different seeds (or an unseeded run, which draws its seed from
 * the OS) collide with probability ~2^-80 per millisecond.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(timeMs: number, prng: Prng): string {
  if (!Number.isSafeInteger(timeMs) || timeMs < 0 || timeMs > 0xffffffffffff) {
    throw new RangeError(`ULID time out of range: ${timeMs}`);
  }
  let out = '';
  let t = timeMs;
  const time: string[] = [];
  for (let i = 0; i < 10; i++) {
    time.push(ALPHABET[t % 32] as string);
    t = Math.floor(t / 32);
  }
  out = time.reverse().join('');
  // 80 random bits = 16 base32 characters, 5 bits each; take them from four 20-bit draws.
  for (let i = 0; i < 4; i++) {
    const v = prng.nextU32() & 0xfffff;
    out +=
      (ALPHABET[v >>> 15] as string) +
      (ALPHABET[(v >>> 10) & 31] as string) +
      (ALPHABET[(v >>> 5) & 31] as string) +
      (ALPHABET[v & 31] as string);
  }
  return out;
}

/** A short random hex token (session ids, coupon codes). */
export function hexToken(prng: Prng, chars: number): string {
  let out = '';
  while (out.length < chars) out += prng.nextU32().toString(16).padStart(8, '0');
  return out.slice(0, chars);
}

/** The time part of a ULID, in epoch milliseconds. */
export function ulidTime(id: string): number {
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + ALPHABET.indexOf(id[i] as string);
  return t;
}
