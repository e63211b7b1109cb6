import { array } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { comparatorFor } from './compare-values.ts';
import { noOverload } from './resolve-error.ts';
import { toK } from './topk.ts';

/**
 * TOPKDISTINCT(col, K) → ARRAY<T>: the K largest distinct non-null values, descending
 * (topk-distinct.json: INT, BIGINT, DOUBLE, STRING, DECIMAL, BYTES, DATE, TIME, TIMESTAMP;
 * decimals compare numerically, bytes as ByteBuffers). Stream-only (no undo).
 */
export const topkDistinct: AggregateFunction = {
  name: 'TOPKDISTINCT',
  resolve(argTypes, literalArgs) {
    const t = argTypes[0];
    const k = toK(literalArgs[0]);
    const cmp = t ? comparatorFor(t) : undefined;
    if (argTypes.length !== 1 || !t || !cmp || k === undefined || literalArgs.length !== 1) {
      return noOverload('TOPKDISTINCT', argTypes);
    }
    const insert = (list: readonly unknown[], v: unknown): readonly unknown[] => {
      let i = 0;
      while (i < list.length && cmp(list[i], v) > 0) i++;
      if (i >= k || (i < list.length && cmp(list[i], v) === 0)) return list;
      const out = [...list.slice(0, i), v, ...list.slice(i)];
      return out.length > k ? out.slice(0, k) : out;
    };
    return {
      returnType: array(t),
      aggregateType: array(t),
      initialize: () => [],
      aggregate: (args, acc) => {
        const v = args[0] ?? null;
        return v === null ? acc : insert(acc as readonly unknown[], v);
      },
      merge: (a, b) =>
        (b as readonly unknown[]).reduce<readonly unknown[]>(
          (out, v) => insert(out, v),
          a as readonly unknown[],
        ),
      map: (acc) => [...(acc as readonly unknown[])],
    };
  },
};
