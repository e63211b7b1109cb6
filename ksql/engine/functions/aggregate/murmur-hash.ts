/**
 * MurmurHash2 (32-bit) as stream-lib's `com.clearspring.analytics.hash.MurmurHash` computes it,
 * which ksqlDB's COUNT_DISTINCT feeds into its HyperLogLog: strings hash their UTF-8 bytes with
 * seed -1, integers and longs go through `hashLong`. Java's signed bytes and int overflow are
 * reproduced with Math.imul and `| 0`.
 */
const M = 0x5bd1e995;

export function murmurHashBytes(data: Uint8Array, seed = -1, length = data.length): number {
  let h = (seed ^ length) | 0;
  const len4 = length >> 2;
  for (let i = 0; i < len4; i++) {
    const i4 = i << 2;
    let k = (data[i4 + 3]! << 24) | (data[i4 + 2]! << 16) | (data[i4 + 1]! << 8) | data[i4]!;
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const left = length - (len4 << 2);
  if (left !== 0) {
    // Java: (int) data[i] sign-extends the byte before shifting.
    if (left >= 3) h ^= signed(data[length - 3]!) << 16;
    if (left >= 2) h ^= signed(data[length - 2]!) << 8;
    if (left >= 1) h ^= signed(data[length - 1]!);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

export function murmurHashLong(data: bigint): number {
  const low = Number(BigInt.asIntN(32, data));
  const high = Number(BigInt.asIntN(32, data >> 32n));
  let h = 0;
  let k = Math.imul(low, M);
  k ^= k >>> 24;
  h ^= Math.imul(k, M);
  k = Math.imul(high, M);
  k ^= k >>> 24;
  h = Math.imul(h, M);
  h ^= Math.imul(k, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

function signed(b: number): number {
  return (b << 24) >> 24;
}
