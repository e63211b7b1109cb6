import { BIGINT, STRING, map } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { noOverload } from './resolve-error.ts';

/** ksqlDB's HistogramUdaf keeps at most this many distinct values. */
export const HISTOGRAM_LIMIT = 1000;

/**
 * HISTOGRAM(STRING) → MAP<STRING, BIGINT>: occurrences per value, at most 1000 distinct values
 * (later new values are ignored). Like ksqlDB's HistogramUdaf (a HashMap, which allows a null
 * key) a null value is counted under the null key (JSON writes it as "null"). Supports undo:
 * a count reaching zero removes the entry (histogram.json "histogram on a table"). The map is
 * copied on every change.
 */
export const histogram: AggregateFunction = {
  name: 'HISTOGRAM',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t || t.kind !== 'STRING') return noOverload('HISTOGRAM', argTypes);
    const type = map(STRING, BIGINT);
    type Counts = ReadonlyMap<string | null, bigint>;
    const add = (acc: Counts, key: string | null, by: bigint): Counts => {
      const current = acc.get(key);
      if (current === undefined && (by <= 0n || acc.size >= HISTOGRAM_LIMIT)) return acc;
      const out = new Map(acc);
      const next = (current ?? 0n) + by;
      if (next <= 0n) out.delete(key);
      else out.set(key, next);
      return out;
    };
    return {
      returnType: type,
      aggregateType: type,
      initialize: () => new Map<string | null, bigint>(),
      aggregate: (args, acc) => add(acc as Counts, (args[0] ?? null) as string | null, 1n),
      undo: (args, acc) => add(acc as Counts, (args[0] ?? null) as string | null, -1n),
      merge: (a, b) => {
        let out = a as Counts;
        for (const [k, n] of b as Counts) out = add(out, k, n);
        return out;
      },
      map: (acc) => new Map(acc as Counts),
    };
  },
};
