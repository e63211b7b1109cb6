import type { Decimal } from '../../types/decimal.ts';
import { Decimal as DecimalValue } from '../../types/decimal.ts';
import type { SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { addDecimal, negateDecimal } from './decimal-math.ts';
import { noOverload } from './resolve-error.ts';

/**
 * SUM(INT|BIGINT|DOUBLE|DECIMAL): same type as the argument; nulls are skipped; starts at 0.
 * INT and BIGINT wrap like Java; DECIMAL keeps the argument's precision and scale and fails
 * with "Numeric field overflow" when the sum does not fit (sum.json). Supports undo.
 */
export const sum: AggregateFunction = {
  name: 'SUM',
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return noOverload('SUM', argTypes);
    switch (t.kind) {
      case 'INT':
        return intSum(t);
      case 'BIGINT':
        return longSum(t);
      case 'DOUBLE':
        return doubleSum(t);
      case 'DECIMAL':
        return decimalSum(t, t.precision, t.scale);
      default:
        return noOverload('SUM', argTypes);
    }
  },
};

function intSum(t: SqlType): ResolvedAggregate {
  return {
    returnType: t,
    aggregateType: t,
    initialize: () => 0,
    aggregate: (args, acc) => (args[0] === null ? acc : ((acc as number) + (args[0] as number)) | 0),
    undo: (args, acc) => (args[0] === null ? acc : ((acc as number) - (args[0] as number)) | 0),
    merge: (a, b) => ((a as number) + (b as number)) | 0,
    map: (acc) => acc,
  };
}

function longSum(t: SqlType): ResolvedAggregate {
  return {
    returnType: t,
    aggregateType: t,
    initialize: () => 0n,
    aggregate: (args, acc) =>
      args[0] === null ? acc : BigInt.asIntN(64, (acc as bigint) + (args[0] as bigint)),
    undo: (args, acc) => (args[0] === null ? acc : BigInt.asIntN(64, (acc as bigint) - (args[0] as bigint))),
    merge: (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)),
    map: (acc) => acc,
  };
}

function doubleSum(t: SqlType): ResolvedAggregate {
  return {
    returnType: t,
    aggregateType: t,
    initialize: () => 0,
    aggregate: (args, acc) => (args[0] === null ? acc : (acc as number) + (args[0] as number)),
    undo: (args, acc) => (args[0] === null ? acc : (acc as number) - (args[0] as number)),
    merge: (a, b) => (a as number) + (b as number),
    map: (acc) => acc,
  };
}

function decimalSum(t: SqlType, precision: number, scale: number): ResolvedAggregate {
  const zero = new DecimalValue(0n, scale);
  return {
    returnType: t,
    aggregateType: t,
    initialize: () => zero,
    aggregate: (args, acc) =>
      args[0] === null ? acc : addDecimal(acc as Decimal, args[0] as Decimal, precision, scale),
    undo: (args, acc) =>
      args[0] === null
        ? acc
        : addDecimal(acc as Decimal, negateDecimal(args[0] as Decimal), precision, scale),
    merge: (a, b) => addDecimal(a as Decimal, b as Decimal, precision, scale),
    map: (acc) => acc,
  };
}
