import { KsqlRuntimeError } from '../errors.ts';
import type { Query } from '../parser/ast.ts';
import { aggregateCalls, referencedColumns } from './expression-checks.ts';
import type { QueryPlan } from './query-plan.ts';

/**
 * CREATE OR REPLACE of a running query: the upgrades ksqlDB accepts (sql-tests/query-upgrades-*.sql):
 * filters and projections may change; joins and windowed aggregations may not; a stream
 * aggregation must keep the columns it reads besides its aggregates.
 */
export function checkUpgrade(oldQuery: Query, oldPlan: QueryPlan, newQuery: Query, newPlan: QueryPlan): void {
  for (const p of [oldPlan, newPlan]) {
    if (p.join) throw new KsqlRuntimeError(`Upgrades not yet supported for ${JOIN_NAMES[p.join.kind]}`);
    if (p.body.kind === 'aggregate' && p.body.window)
      throw new KsqlRuntimeError('Upgrades not yet supported for StreamWindowedAggregate');
  }
  if (oldPlan.body.kind === 'aggregate' && newPlan.body.kind === 'aggregate' && !oldPlan.body.tableSource) {
    const a = nonAggregateColumns(oldQuery);
    const b = nonAggregateColumns(newQuery);
    if (a.join() !== b.join()) {
      const show = (xs: readonly string[]): string => `[${xs.map((x) => `\`${x}\``).join(', ')}]`;
      throw new KsqlRuntimeError(
        `StreamAggregate must have matching columns not part of aggregate. Values differ: ${show(a)} vs. ${show(b)}`,
      );
    }
  }
}

const JOIN_NAMES = {
  STREAM_TABLE: 'StreamTableJoin',
  STREAM_STREAM: 'StreamStreamJoin',
  TABLE_TABLE: 'TableTableJoin',
} as const;

/** GROUP BY columns, aggregate argument columns (COUNT(*) reads ROWTIME), WHERE columns; deduplicated. */
function nonAggregateColumns(q: Query): string[] {
  const out: string[] = [];
  const add = (n: string): void => {
    if (!out.includes(n)) out.push(n);
  };
  for (const g of q.groupBy ?? []) referencedColumns(g).forEach(add);
  const exprs = [
    ...q.select.flatMap((s) => (s.kind === 'SingleColumn' ? [s.expression] : [])),
    ...(q.having ? [q.having] : []),
  ];
  for (const e of exprs) {
    for (const call of aggregateCalls(e)) {
      if (call.star || call.args.length === 0) add('ROWTIME');
      else call.args.flatMap(referencedColumns).forEach(add);
    }
  }
  if (q.where) referencedColumns(q.where).forEach(add);
  return out;
}
