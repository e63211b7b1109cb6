import { array } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { noOverload } from './resolve-error.ts';
import { sameValue } from './same-value.ts';

/** ksqlDB's default `ksql.functions.collect_list.limit` / `collect_set.limit`. */
export const COLLECT_LIMIT = 1000;

/**
 * COLLECT_LIST(col) → ARRAY<T>: values in arrival order, nulls included (CollectListUdaf),
 * at most 1000. Supports undo (removes one occurrence, tables) and merge (concatenation).
 */
export const collectList: AggregateFunction = {
  name: 'COLLECT_LIST',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('COLLECT_LIST', argTypes);
    return {
      returnType: array(t),
      aggregateType: array(t),
      initialize: () => [],
      aggregate: (args, acc) => {
        const list = acc as readonly unknown[];
        return list.length >= COLLECT_LIMIT ? list : [...list, args[0] ?? null];
      },
      undo: (args, acc) => {
        const list = acc as readonly unknown[];
        const v = args[0] ?? null;
        let i = list.length - 1;
        while (i >= 0 && !sameValue(list[i], v)) i--;
        return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
      },
      merge: (a, b) => [...(a as readonly unknown[]), ...(b as readonly unknown[])].slice(0, COLLECT_LIMIT),
      map: (acc) => [...(acc as readonly unknown[])],
    };
  },
};
