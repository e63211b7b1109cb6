import { BIGINT, INT, array, type SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { murmurHashBytes, murmurHashLong } from './murmur-hash.ts';
import { noOverload } from './resolve-error.ts';

const LOG2M = 14;
const M = 1 << LOG2M;
const ALPHA_MM = (0.7213 / (1 + 1.079 / M)) * M * M;

/** HyperLogLog registers plus running sums so `map` is O(1). Never mutated once returned. */
interface Hll {
  readonly registers: Uint8Array;
  readonly zeros: number;
  /** Σ 2^-register (exact in a double: at most 15 + 19 significant bits). */
  readonly sum: number;
}

const EMPTY: Hll = { registers: new Uint8Array(M), zeros: M, sum: M };

/**
 * COUNT_DISTINCT(col) → BIGINT: ksqlDB's approximate distinct count (CountDistinct: stream-lib
 * HyperLogLog with 2^14 registers, MurmurHash2, linear counting while the raw estimate is at
 * most 2.5·m). Small cardinalities are exact (count-distinct.json). Nulls are skipped.
 * Registers are copied only when an offer raises one. Stream-only (no undo).
 */
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
        return v === null ? acc : offer(acc as Hll, hash(v));
      },
      merge: (a, b) => mergeHll(a as Hll, b as Hll),
      map: (acc) => cardinality(acc as Hll),
    };
  },
};

const encoder = new TextEncoder();

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
      return (v) => murmurHashBytes(encoder.encode(v as string));
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
  const old = hll.registers[j]!;
  if (r <= old) return hll;
  const registers = new Uint8Array(hll.registers);
  registers[j] = r;
  return { registers, zeros: hll.zeros - (old === 0 ? 1 : 0), sum: hll.sum - 2 ** -old + 2 ** -r };
}

function mergeHll(a: Hll, b: Hll): Hll {
  const registers = new Uint8Array(M);
  let zeros = 0;
  let sum = 0;
  for (let i = 0; i < M; i++) {
    const v = Math.max(a.registers[i]!, b.registers[i]!);
    registers[i] = v;
    if (v === 0) zeros++;
    sum += 2 ** -v;
  }
  return { registers, zeros, sum };
}

function cardinality(hll: Hll): bigint {
  const estimate = ALPHA_MM / hll.sum;
  if (estimate <= 2.5 * M) return BigInt(Math.round(M * Math.log(M / hll.zeros)));
  return BigInt(Math.round(estimate));
}
