import { array } from '../../types/sql-type.ts';
import type { AggregateFunction } from '../function-types.ts';
import { COLLECT_LIMIT } from './collect-list.ts';
import { sameValue } from './same-value.ts';
import { noOverload } from './resolve-error.ts';

/**
 * COLLECT_SET(col) → ARRAY<T>: distinct values in first-arrival order (CollectSetUdaf),
 * at most 1000. Supports undo (removes the value) and merge (union).
 */
export const collectSet: AggregateFunction = {
  name: 'COLLECT_SET',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('COLLECT_SET', argTypes);
    const add = (list: readonly unknown[], v: unknown): readonly unknown[] =>
      list.length >= COLLECT_LIMIT || list.some((x) => sameValue(x, v)) ? list : [...list, v];
    return {
      returnType: array(t),
      aggregateType: array(t),
      initialize: () => [],
      aggregate: (args, acc) => add(acc as readonly unknown[], args[0] ?? null),
      undo: (args, acc) => (acc as readonly unknown[]).filter((x) => !sameValue(x, args[0] ?? null)),
      merge: (a, b) => (b as readonly unknown[]).reduce<readonly unknown[]>(add, a as readonly unknown[]),
      map: (acc) => [...(acc as readonly unknown[])],
    };
  },
};
