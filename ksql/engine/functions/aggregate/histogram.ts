import { BIGINT, STRING, map } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { noOverload } from './resolve-error.ts';

/** ksqlDB's HistogramUdaf keeps at most this many distinct values. */
export const HISTOGRAM_LIMIT = 1000;

/**
 * HISTOGRAM(STRING) → MAP<STRING, BIGINT>: occurrences per non-null value, at most 1000
 * distinct values (later new values are ignored). Supports undo: a count reaching zero removes
 * the entry (histogram.json "histogram on a table"). The map is copied on every change.
 */
export const histogram: AggregateFunction = {
  name: 'HISTOGRAM',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t || t.kind !== 'STRING') return noOverload('HISTOGRAM', argTypes);
    const type = map(STRING, BIGINT);
    const add = (acc: ReadonlyMap<string, bigint>, key: string, by: bigint): ReadonlyMap<string, bigint> => {
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
      initialize: () => new Map<string, bigint>(),
      aggregate: (args, acc) => {
        const v = args[0] ?? null;
        return v === null ? acc : add(acc as ReadonlyMap<string, bigint>, v as string, 1n);
      },
      undo: (args, acc) => {
        const v = args[0] ?? null;
        return v === null ? acc : add(acc as ReadonlyMap<string, bigint>, v as string, -1n);
      },
      merge: (a, b) => {
        let out = a as ReadonlyMap<string, bigint>;
        for (const [k, n] of b as ReadonlyMap<string, bigint>) out = add(out, k, n);
        return out;
      },
      map: (acc) => new Map(acc as ReadonlyMap<string, bigint>),
    };
  },
};
