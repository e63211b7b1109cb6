import { BIGINT, DOUBLE, struct, type SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { noOverload } from './resolve-error.ts';

interface SumCount {
  readonly sum: number | bigint;
  readonly count: number;
}

/**
 * AVG(INT|BIGINT|DOUBLE) → DOUBLE (average-udaf.json): accumulator STRUCT<SUM T, COUNT BIGINT>
 * like ksqlDB's AverageUdaf (INT sums wrap at 32 bits, BIGINT at 64); nulls skipped; 0.0 when
 * nothing was counted. Supports undo (tables) and merge (sessions).
 */
export const avg: AggregateFunction = {
  name: 'AVG',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('AVG', argTypes);
    switch (t.kind) {
      case 'INT':
        return average(
          t,
          0,
          (a, b) => ((a as number) + (b as number)) | 0,
          (a, b) => ((a as number) - (b as number)) | 0,
        );
      case 'BIGINT':
        return average(
          t,
          0n,
          (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)),
          (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint)),
        );
      case 'DOUBLE':
        return average(
          t,
          0,
          (a, b) => (a as number) + (b as number),
          (a, b) => (a as number) - (b as number),
        );
      default:
        return noOverload('AVG', argTypes);
    }
  },
};

type Op = (a: number | bigint, b: number | bigint) => number | bigint;

function average(t: SqlType, zero: number | bigint, add: Op, sub: Op): ResolvedAggregate {
  const init: SumCount = { sum: zero, count: 0 };
  return {
    returnType: DOUBLE,
    aggregateType: struct([
      { name: 'SUM', type: t },
      { name: 'COUNT', type: BIGINT },
    ]),
    initialize: () => init,
    aggregate: (args, acc) => {
      const v = args[0] ?? null;
      if (v === null) return acc;
      const a = acc as SumCount;
      return { sum: add(a.sum, v as number | bigint), count: a.count + 1 };
    },
    undo: (args, acc) => {
      const v = args[0] ?? null;
      if (v === null) return acc;
      const a = acc as SumCount;
      return { sum: sub(a.sum, v as number | bigint), count: a.count - 1 };
    },
    merge: (x, y) => {
      const a = x as SumCount;
      const b = y as SumCount;
      return { sum: add(a.sum, b.sum), count: a.count + b.count };
    },
    map: (acc) => {
      const a = acc as SumCount;
      return a.count === 0 ? 0 : Number(a.sum) / a.count;
    },
  };
}
