import { BIGINT } from '../../types/sql-type.ts';
import type { AggregateFunction, ResolvedAggregate } from '../function-types.ts';

/**
 * COUNT(*), COUNT() and COUNT(col): BIGINT; counts rows whose argument is non-null (COUNT(*)
 * gets no argument and counts every row). Supports undo for table aggregations
 * (count.json "count table", "should count back to zero").
 */
const COUNT_RESOLVED: ResolvedAggregate = {
  returnType: BIGINT,
  aggregateType: BIGINT,
  initialize: () => 0n,
  aggregate: (args, acc) => (args.length > 0 && args[0] === null ? acc : (acc as bigint) + 1n),
  undo: (args, acc) => (args.length > 0 && args[0] === null ? acc : (acc as bigint) - 1n),
  merge: (a, b) => (a as bigint) + (b as bigint),
  map: (acc) => acc,
};

export const count: AggregateFunction = {
  name: 'COUNT',
  resolve: () => COUNT_RESOLVED,
};
