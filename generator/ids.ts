import type { Prng } from './prng.ts';

/**
 * ULIDs (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford
 * base32, 26 characters, sortable by time. The random bits come from the run's seeded PRNG, so
 * a seed reproduces every id; different seeds (or an unseeded run, which draws its seed from
 * the OS) collide with probability ~2^-80 per millisecond.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** All 1024 two-character base32 strings: one lookup per 10 random bits. */
const PAIRS: readonly string[] = Array.from(
  { length: 1024 },
  (_, i) => (ALPHABET[i >>> 5] as string) + (ALPHABET[i & 31] as string),
);
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

let cachedTime = -1;
let cachedTimePart = '';

export function ulid(timeMs: number, prng: Prng): string {
  if (timeMs !== cachedTime) {
    if (!Number.isSafeInteger(timeMs) || timeMs < 0 || timeMs > 0xffffffffffff) {
      throw new RangeError(`ULID time out of range: ${timeMs}`);
    }
    let t = timeMs;
    let part = '';
    for (let i = 0; i < 10; i++) {
      part = (ALPHABET[t % 32] as string) + part;
      t = Math.floor(t / 32);
    }
    cachedTime = timeMs;
    cachedTimePart = part;
  }
  // 80 random bits = 16 base32 characters, from four 20-bit draws (two 10-bit pairs each).
  const a = prng.nextU32();
  const b = prng.nextU32();
  const c = prng.nextU32();
  const d = prng.nextU32();
  return (
    cachedTimePart +
    (PAIRS[(a >>> 10) & 1023] as string) +
    (PAIRS[a & 1023] as string) +
    (PAIRS[(b >>> 10) & 1023] as string) +
    (PAIRS[b & 1023] as string) +
    (PAIRS[(c >>> 10) & 1023] as string) +
    (PAIRS[c & 1023] as string) +
    (PAIRS[(d >>> 10) & 1023] as string) +
    (PAIRS[d & 1023] as string)
  );
}

/** A random hex token of `chars` characters (even), e.g. session ids. */
export function hexToken(prng: Prng, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i += 8) {
    const v = prng.nextU32();
    out +=
      (HEX[v >>> 24] as string) +
      (HEX[(v >>> 16) & 255] as string) +
      (HEX[(v >>> 8) & 255] as string) +
      (HEX[v & 255] as string);
  }
  return out.length === chars ? out : out.slice(0, chars);
}

/** The time part of a ULID, in epoch milliseconds. */
export function ulidTime(id: string): number {
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + ALPHABET.indexOf(id[i] as string);
  return t;
}
