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

/**
 * The accumulator: `EMPTY`, then, while one register only is raised, that register packed in a
 * number (`j * 32 + r`), then an `Hll`. Most windows of a per-IP or per-user hopping
 * aggregation see a single distinct value, and so allocate nothing. Register sums are exact
 * doubles, so the estimate does not depend on the form.
 */
type Acc = number | Hll;
const EMPTY = -1;

export const countDistinct: AggregateFunction = {
  name: 'COUNT_DISTINCT',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('COUNT_DISTINCT', argTypes);
    const hash = hasherFor(t);
    return {
      returnType: BIGINT,
      aggregateType: array(INT),
      initialize: () => EMPTY,
      aggregate: (args, acc) => {
        const v = args[0] ?? null;
        return v === null ? acc : offer(acc as Acc, hash(v));
      },
      merge: (a, b) => mergeHll(sketch(a as Acc), b as Acc),
      map: (acc) => cardinality(acc as Acc),
    };
  },
};

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);
let lastString: string | undefined;
let lastHash = 0;

/**
 * MurmurHash2 of the UTF-8 bytes, encoded into a reused buffer (no allocation per value). The
 * last hash is remembered: a hopping window record offers the same value to every window.
 */
function hashString(v: unknown): number {
  const s = v as string;
  if (s === lastString) return lastHash;
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, scratch);
  lastString = s;
  lastHash = murmurHashBytes(scratch, -1, written);
  return lastHash;
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

function offer(acc: Acc, hash: number): Acc {
  const j = hash >>> (32 - LOG2M);
  const r = Math.clz32((hash << LOG2M) | ((1 << (LOG2M - 1)) + 1)) + 1;
  if (typeof acc !== 'number') {
    acc.set(j, r);
    return acc;
  }
  if (acc === EMPTY) return j * 32 + r;
  if (acc >>> 5 === j) return r > (acc & 31) ? j * 32 + r : acc;
  const hll = sketch(acc);
  hll.set(j, r);
  return hll;
}

/** The accumulator as an `Hll` (a new one for the number forms). */
function sketch(acc: Acc): Hll {
  if (typeof acc !== 'number') return acc;
  const hll = new Hll();
  if (acc !== EMPTY) hll.set(acc >>> 5, acc & 31);
  return hll;
}

/** Session merges: the union of two sketches, into the first. */
function mergeHll(a: Hll, b: Acc): Hll {
  sketch(b).forEach((j, r) => a.set(j, r));
  return a;
}

function cardinality(acc: Acc): bigint {
  if (typeof acc === 'number') {
    return acc === EMPTY ? estimate(M, M) : estimate(M - 1, M - 1 + 2 ** -(acc & 31));
  }
  return estimate(acc.zeros, acc.sum);
}

function estimate(zeros: number, sum: number): bigint {
  const raw = ALPHA_MM / sum;
  if (raw <= 2.5 * M) return BigInt(Math.round(M * Math.log(M / zeros)));
  return BigInt(Math.round(raw));
}
