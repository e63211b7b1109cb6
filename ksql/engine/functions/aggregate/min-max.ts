import type { SqlType } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';
import { comparatorFor } from './compare-values.ts';
import { noOverload } from './resolve-error.ts';

const SUPPORTED = new Set<SqlType['kind']>([
  'INT',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'STRING',
  'BYTES',
]);

/**
 * Shared body of MIN and MAX (min-group-by.json, max-group-by.json): the argument's type,
 * nulls skipped, null until the first non-null value. No undo: ksqlDB's MIN/MAX cannot be
 * used on tables.
 */
export function extremum(name: 'MIN' | 'MAX', sign: 1 | -1): AggregateFunction {
  return {
    name,
    resolve(argTypes) {
      const t = argTypes[0];
      const cmp = t && SUPPORTED.has(t.kind) ? comparatorFor(t) : undefined;
      if (argTypes.length !== 1 || !t || !cmp) return noOverload(name, argTypes);
      const pick = (a: unknown, b: unknown): unknown => {
        if (a === null) return b;
        if (b === null) return a;
        return sign * cmp(b, a) < 0 ? b : a;
      };
      const resolved: ResolvedAggregate = {
        returnType: t,
        aggregateType: t,
        initialize: () => null,
        aggregate: (args, acc) => pick(acc, args[0] ?? null),
        merge: pick,
        map: (acc) => acc,
      };
      return resolved;
    },
  };
}
