import { BIGINT, INT, array, type SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { murmurHashBytes, murmurHashLong } from './murmur-hash.ts';
import { noOverload } from './resolve-error.ts';

const LOG2M = 14;
const M = 1 << LOG2M;
const ALPHA_MM = (0.7213 / (1 + 1.079 / M)) * M * M;

/**
 * HyperLogLog registers plus running sums so `map` is O(1). Mutable, owned by one aggregate
 * row: the runtime keeps no earlier accumulator (HAVING transitions use the `passed` flag), so
 * updating in place is safe and avoids copying 16 KB per raised register. Small sketches keep
 * their non-zero registers in a Map and switch to the dense array once it grows: per-IP windows
 * hold a handful of values, and a dense array per window would dominate memory and time.
 * Both forms give the same registers, so the estimate is the same.
 */
class Hll {
  sparse: Map<number, number> | undefined = new Map();
  dense: Uint8Array | undefined;
  zeros = M;
  /** Σ 2^-register (exact in a double: at most 15 + 19 significant bits). */
  sum = M;

  get(j: number): number {
    return this.dense ? this.dense[j]! : (this.sparse!.get(j) ?? 0);
  }

  set(j: number, r: number): void {
    const old = this.get(j);
    if (r <= old) return;
    if (old === 0) this.zeros--;
    this.sum += 2 ** -r - 2 ** -old;
    if (this.dense) {
      this.dense[j] = r;
      return;
    }
    const sparse = this.sparse!;
    sparse.set(j, r);
    if (sparse.size > SPARSE_LIMIT) {
      const dense = new Uint8Array(M);
      for (const [k, v] of sparse) dense[k] = v;
      this.dense = dense;
      this.sparse = undefined;
    }
  }

  forEach(fn: (j: number, r: number) => void): void {
    if (this.dense) {
      for (let j = 0; j < M; j++) if (this.dense[j]! > 0) fn(j, this.dense[j]!);
    } else for (const [j, r] of this.sparse!) fn(j, r);
  }
}

const SPARSE_LIMIT = 512;

export const countDistinct: AggregateFunction = {
  name: 'COUNT_DISTINCT',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('COUNT_DISTINCT', argTypes);
    const hash = hasherFor(t);
    return {
      returnType: BIGINT,
      aggregateType: array(INT),
      initialize: () => new Hll(),
      aggregate: (args, acc) => {
        const v = args[0] ?? null;
        return v === null ? acc : offer(acc as Hll, hash(v));
      },
      merge: (a, b) => mergeHll(a as Hll, b as Hll),
      map: (acc) => cardinality(acc as Hll),
    };
  },
};

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** MurmurHash2 of the UTF-8 bytes, encoded into a reused buffer (no allocation per value). */
function hashString(v: unknown): number {
  const s = v as string;
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, scratch);
  return murmurHashBytes(scratch, -1, written);
}

function hasherFor(t: SqlType): (v: unknown) => number {
  switch (t.kind) {
    case 'INT':
    case 'DATE':
    case 'TIME':
      return (v) => murmurHashLong(BigInt(v as number));
    case 'BIGINT':
      return (v) => murmurHashLong(v as bigint);
    case 'DOUBLE':
      return (v) => murmurHashLong(doubleBits(v as number));
    case 'STRING':
      return hashString;
    case 'BYTES':
      return (v) => murmurHashBytes(v as Uint8Array);
    default:
      // stream-lib hashes other objects through their toString().
      return (v) => murmurHashBytes(encoder.encode(String(v)));
  }
}

/** Double.doubleToRawLongBits. */
function doubleBits(n: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  return view.getBigInt64(0);
}

function offer(hll: Hll, hash: number): Hll {
  const j = hash >>> (32 - LOG2M);
  const r = Math.clz32((hash << LOG2M) | ((1 << (LOG2M - 1)) + 1)) + 1;
  hll.set(j, r);
  return hll;
}

/** Session merges: the union of two sketches, into the first. */
function mergeHll(a: Hll, b: Hll): Hll {
  b.forEach((j, r) => a.set(j, r));
  return a;
}

function cardinality(hll: Hll): bigint {
  const estimate = ALPHA_MM / hll.sum;
  if (estimate <= 2.5 * M) return BigInt(Math.round(M * Math.log(M / hll.zeros)));
  return BigInt(Math.round(estimate));
}
