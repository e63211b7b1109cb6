/**
 * IPv4 address spaces. Normal shoppers, each bot scenario and late-event shoppers draw from
 * disjoint first octets, so no attack address can ever coincide with a normal one and the
 * truth for one population is not polluted by another.
 */

/** /8 blocks allocated to Korean ISPs and carriers; normal shoppers live here. */
export const NORMAL_FIRST_OCTETS = [
  1, 14, 27, 39, 49, 58, 59, 61, 106, 110, 112, 115, 118, 121, 175, 211,
] as const;

/** First octets of the other populations (none is in NORMAL_FIRST_OCTETS). */
export const SPECIAL_FIRST_OCTET = {
  'macro-bot': 45,
  'distributed-bots': 185,
  'slow-drip': 103,
  'high-value': 91,
  'late-events': 223,
  malformed: 36,
} as const;

const MASK28 = 0x0fffffff;

/**
 * The n-th normal address, 0 <= n < 2^28: a bijection of 28 bits (odd multiply, xorshift, odd
 * multiply, all mod 2^28), top 4 bits choose the /8. Distinct n give distinct addresses, and
 * consecutive n scatter over the whole space as real client addresses do.
 */
export function normalIp(n: number): string {
  if (n < 0 || n > MASK28) throw new RangeError(`normal IP index out of range: ${n}`);
  let x = Math.imul(n, 0x2c1b3c6d) & MASK28;
  x ^= x >>> 13;
  x = Math.imul(x, 0x297a2d39) & MASK28;
  x ^= x >>> 11;
  // Two interned halves, `a.b.` and `c.d`: one concatenation, no number formatting per address
  // (the shopper model keeps an address per live session, ~1.5 M at 100,000 orders/s).
  const head = x >>> 16;
  const tail = x & 0xffff;
  return (
    (HEADS[head] ??= `${NORMAL_FIRST_OCTETS[head >>> 8] as number}.${head & 255}.`) +
    (TAILS[tail] ??= `${tail >>> 8}.${tail & 255}`)
  );
}

/** `a.b.` by the top 12 bits of a normal address's 28, and `c.d` by its low 16: filled on first use. */
const HEADS: (string | undefined)[] = new Array<string | undefined>(1 << 12).fill(undefined);
const TAILS: (string | undefined)[] = new Array<string | undefined>(1 << 16).fill(undefined);

/** The n-th address (n < 2^24) in a population's own /8. */
export function specialIp(firstOctet: number, n: number): string {
  const x = n & 0xffffff;
  return `${firstOctet}.${x >>> 16}.${(x >>> 8) & 255}.${x & 255}`;
}

/** The `a.b.c.0/24` prefix of a dotted address. */
export function prefix24(ip: string): string {
  return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
}
