import type { SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { noOverload } from './resolve-error.ts';

/**
 * SUM_LIST(ARRAY<INT|BIGINT|DOUBLE>) → the element type: adds up the non-null elements of
 * every aggregated list (ListSumUdaf; sum.json "sum list of ..."). Null lists are skipped.
 * Supports undo and merge.
 */
export const sumList: AggregateFunction = {
  name: 'SUM_LIST',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t || t.kind !== 'ARRAY') return noOverload('SUM_LIST', argTypes);
    const e = t.element;
    switch (e.kind) {
      case 'INT':
        return listSum(
          e,
          0,
          (a, b) => ((a as number) + (b as number)) | 0,
          (a, b) => ((a as number) - (b as number)) | 0,
        );
      case 'BIGINT':
        return listSum(
          e,
          0n,
          (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)),
          (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint)),
        );
      case 'DOUBLE':
        return listSum(
          e,
          0,
          (a, b) => (a as number) + (b as number),
          (a, b) => (a as number) - (b as number),
        );
      default:
        return noOverload('SUM_LIST', argTypes);
    }
  },
};

type Op = (a: unknown, b: unknown) => unknown;

function listSum(t: SqlType, zero: unknown, add: Op, sub: Op): ResolvedAggregate {
  const total = (list: readonly unknown[]): unknown => {
    let s = zero;
    for (const v of list) if (v !== null) s = add(s, v);
    return s;
  };
  return {
    returnType: t,
    aggregateType: t,
    initialize: () => zero,
    aggregate: (args, acc) => {
      const list = args[0] ?? null;
      return list === null ? acc : add(acc, total(list as readonly unknown[]));
    },
    undo: (args, acc) => {
      const list = args[0] ?? null;
      return list === null ? acc : sub(acc, total(list as readonly unknown[]));
    },
    merge: add,
    map: (acc) => acc,
  };
}
