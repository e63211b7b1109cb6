import type { Prng } from './prng.ts';

/**
 * ULIDs (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits, Crockford
 * base32, 26 characters, sortable by time. The random bits come from the run's seeded PRNG, so
 * a seed reproduces every id; different seeds (or an unseeded run, which draws its seed from
 * the OS) collide with probability ~2^-80 per millisecond.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Char codes of the base32 digits and of the hex digits. */
const B32: readonly number[] = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const HEX: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

let cachedTime = -1;
/** Char codes of the cached time part. */
const T: number[] = Array.from({ length: 10 }, () => 48);

/*
 * Ids are built with one String.fromCharCode call: the result is one flat string. Concatenating
 * pairs (as before) made a chain of 7 cons strings per ULID that avsc then had to flatten, and
 * each session id that a session keeps for its lifetime was a tree of 3 cons strings (~160 bytes
 * instead of ~40): at 100,000 orders/s the shopper model keeps ~1.5 M sessions alive.
 */
export function ulid(timeMs: number, prng: Prng): string {
  if (timeMs !== cachedTime) {
    if (!Number.isSafeInteger(timeMs) || timeMs < 0 || timeMs > 0xffffffffffff) {
      throw new RangeError(`ULID time out of range: ${timeMs}`);
    }
    let t = timeMs;
    for (let i = 9; i >= 0; i--) {
      T[i] = B32[t % 32] as number;
      t = Math.floor(t / 32);
    }
    cachedTime = timeMs;
  }
  // 80 random bits = 16 base32 characters, from four 20-bit draws.
  const a = prng.nextU32();
  const b = prng.nextU32();
  const c = prng.nextU32();
  const d = prng.nextU32();
  const C = B32;
  return String.fromCharCode(
    T[0] as number,
    T[1] as number,
    T[2] as number,
    T[3] as number,
    T[4] as number,
    T[5] as number,
    T[6] as number,
    T[7] as number,
    T[8] as number,
    T[9] as number,
    C[(a >>> 15) & 31] as number,
    C[(a >>> 10) & 31] as number,
    C[(a >>> 5) & 31] as number,
    C[a & 31] as number,
    C[(b >>> 15) & 31] as number,
    C[(b >>> 10) & 31] as number,
    C[(b >>> 5) & 31] as number,
    C[b & 31] as number,
    C[(c >>> 15) & 31] as number,
    C[(c >>> 10) & 31] as number,
    C[(c >>> 5) & 31] as number,
    C[c & 31] as number,
    C[(d >>> 15) & 31] as number,
    C[(d >>> 10) & 31] as number,
    C[(d >>> 5) & 31] as number,
    C[d & 31] as number,
  );
}

/** A session id: `S` + 16 hex digits (two 32-bit draws, big-endian), one flat string. */
export function sessionId(prng: Prng): string {
  const a = prng.nextU32();
  const b = prng.nextU32();
  const H = HEX;
  return String.fromCharCode(
    83, // 'S'
    H[a >>> 28] as number,
    H[(a >>> 24) & 15] as number,
    H[(a >>> 20) & 15] as number,
    H[(a >>> 16) & 15] as number,
    H[(a >>> 12) & 15] as number,
    H[(a >>> 8) & 15] as number,
    H[(a >>> 4) & 15] as number,
    H[a & 15] as number,
    H[b >>> 28] as number,
    H[(b >>> 24) & 15] as number,
    H[(b >>> 20) & 15] as number,
    H[(b >>> 16) & 15] as number,
    H[(b >>> 12) & 15] as number,
    H[(b >>> 8) & 15] as number,
    H[(b >>> 4) & 15] as number,
    H[b & 15] as number,
  );
}

/** The time part of a ULID, in epoch milliseconds. */
export function ulidTime(id: string): number {
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + ALPHABET.indexOf(id[i] as string);
  return t;
}
