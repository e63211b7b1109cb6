import type { KsqlEngine, SourceInfo } from '../api.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import { compileExpression } from '../expression/compile-expression.ts';
import { ExpressionTypeError } from '../expression/expression-errors.ts';
import { formatExpression } from '../expression/format-expression.ts';
import type { CompiledExpression, Scope } from '../expression/scope.ts';
import type { Expression, Query, QueryStatement } from '../parser/ast.ts';
import { formatSqlType, type SqlType } from '../types/sql-type.ts';
import { keyLookupOrder } from './key-lookup-order.ts';
import { selectItemName } from './select-item-name.ts';
import { isAggregating, type TransientTopology } from './transient-topology.ts';
import { checkKeyOnlyPullQuery } from './pull-query-constraints.ts';
import { sourceColumns, sourceScope, type SourceRow } from './source-row.ts';

/**
 * A transient query (`SELECT ... ;` without CREATE): a pull query (no EMIT) reads the source's
 * current state once; a push query (EMIT CHANGES) streams its changes. Both project and filter
 * one source; a push query that aggregates or joins runs as a transient topology
 * (`transient-topology.ts`). What neither supports fails by name.
 */
export interface TransientPlan {
  readonly kind: 'pull' | 'push';
  readonly source: SourceInfo;
  readonly columns: readonly { readonly name: string; readonly type: SqlType; readonly key: boolean }[];
  /** Per output column: a plain reference to a key column or window bound (kept in tombstone rows). */
  readonly fromKey: readonly boolean[];
  readonly where: CompiledExpression | undefined;
  /** Pull queries that are key lookups: puts rows in lookup order (`key-lookup-order.ts`). */
  readonly lookupOrder: ((rows: readonly SourceRow[]) => SourceRow[]) | undefined;
  readonly project: (row: SourceRow) => unknown[];
  readonly limit: number | undefined;
  readonly statement: string;
  /** Aggregating or joining push queries: the transient topology that produces the rows. */
  readonly topology?: TransientTopology;
}

export interface TransientOptions {
  /** The request's properties (`streamsProperties`), e.g. `ksql.query.pull.table.scan.enabled`. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

export function planTransientQuery(
  engine: KsqlEngine,
  stmt: QueryStatement,
  options: TransientOptions = {},
): TransientPlan {
  const q: Query = stmt.query;
  const kind = q.emit === 'CHANGES' ? 'push' : 'pull';
  if (kind === 'pull') {
    // ksqlDB's pull-query validation (pull-queries-against-materialized-aggregates.json).
    if (q.from.kind !== 'Table')
      throw new KsqlStatementError("Pull queries don't support JOIN clauses.", stmt.text);
    if (q.window) throw new KsqlStatementError("Pull queries don't support WINDOW clauses.", stmt.text);
    if (q.groupBy) throw new KsqlStatementError("Pull queries don't support GROUP BY clauses", stmt.text);
  }
  const aggregating = isAggregating(q);
  if (aggregating && kind === 'pull')
    throw new KsqlUnsupportedError('aggregations in pull queries', stmt.text);
  if (q.partitionBy) throw new KsqlUnsupportedError('PARTITION BY in transient queries', stmt.text);
  if (q.emit === 'FINAL')
    throw new KsqlStatementError('EMIT FINAL is only supported for windowed aggregations.', stmt.text);
  if (aggregating || q.from.kind !== 'Table') return topologyPlan(engine, stmt, options);
  const source = engine.getSource(q.from.name.name);
  if (!source) throw new KsqlStatementError(`${q.from.name.name} does not exist.`, stmt.text);
  const scope = sourceScope(source, q.from.alias?.name);
  const all = sourceColumns(source);
  const columns: { name: string; type: SqlType; key: boolean }[] = [];
  const readers: ((row: SourceRow) => unknown)[] = [];
  const fromKey: boolean[] = [];
  const generated = { next: 0 };
  for (const item of q.select) {
    if (item.kind === 'AllColumns') {
      for (const c of all) {
        columns.push({ name: c.name, type: c.type, key: kind === 'pull' && c.key });
        readers.push(c.read);
        fromKey.push(c.key);
      }
      continue;
    }
    const compiled = compileExpression(item.expression, scope, { clause: 'SELECT' });
    const e = item.expression;
    const name = selectItemName(item, generated);
    const keyColumn = e.kind === 'ColumnRef' && all.some((c) => c.key && c.name === e.name.name);
    columns.push({ name, type: compiled.type ?? { kind: 'STRING' }, key: kind === 'pull' && keyColumn });
    fromKey.push(keyColumn);
    readers.push(compiled.evaluate as (row: SourceRow) => unknown);
  }
  // In ksqlDB's order: the output schema is built (duplicates rejected) before the source is
  // checked for a state store and the WHERE for key constraints.
  checkDuplicateColumns(columns, stmt.text);
  if (kind === 'pull' && source.type === 'TABLE') {
    checkQueryable(engine, source, stmt.text);
    if (String(options.properties?.['ksql.query.pull.table.scan.enabled'] ?? 'true') === 'false')
      checkKeyOnlyPullQuery(q.where, source);
  }
  const where = q.where ? compileWhere(q.where, scope, kind) : undefined;
  return {
    kind,
    source,
    columns,
    fromKey,
    where,
    lookupOrder: kind === 'pull' ? keyLookupOrder(q.where, source, scope) : undefined,
    project: (row) => readers.map((r) => r(row)),
    limit: q.limit,
    statement: stmt.text,
  };
}

/** A push query with GROUP BY, WINDOW, HAVING, aggregate calls or a join runs as a transient topology. */
function topologyPlan(engine: KsqlEngine, stmt: QueryStatement, options: TransientOptions): TransientPlan {
  const topology = engine.planTransientTopology(stmt.query, stmt.text, options.properties);
  return {
    kind: 'push',
    source: topology.source,
    columns: topology.columns.map((c) => ({ name: c.name, type: c.type, key: false })),
    fromKey: topology.columns.map(() => false),
    where: undefined,
    lookupOrder: undefined,
    project: () => [],
    limit: stmt.query.limit,
    statement: stmt.text,
    topology,
  };
}

/**
 * Only materialized tables answer pull queries: C*AS results and `CREATE SOURCE TABLE`s; a plain
 * `CREATE TABLE` over a topic has no state store (pull-queries-against-materialized-aggregates.json
 * "not materialized aggregate").
 */
function checkQueryable(engine: KsqlEngine, source: SourceInfo, statement: string): void {
  if (source.isSource || engine.listQueries().some((q) => q.sinks.includes(source.name))) return;
  throw new KsqlStatementError(
    `The \`${source.name}\` table isn't queryable. To derive a queryable table, you can do 'CREATE TABLE QUERYABLE_${source.name} AS SELECT * FROM ${source.name}'. See https://cnfl.io/queries for more info.`,
    statement,
  );
}

/** Output column names must be unique, as in any ksqlDB schema ("Duplicate value columns found in schema: `VAL` STRING"). */
function checkDuplicateColumns(
  columns: readonly { name: string; type: SqlType; key: boolean }[],
  statement: string,
): void {
  for (const key of [true, false]) {
    const seen = new Set<string>();
    const dups = columns.filter((c) => c.key === key && (seen.has(c.name) || !seen.add(c.name)));
    if (dups.length > 0) {
      throw new KsqlStatementError(
        `Duplicate ${key ? 'key' : 'value'} columns found in schema: ${dups.map((c) => `\`${c.name}\` ${formatSqlType(c.type)}`).join(', ')}`,
        statement,
      );
    }
  }
}

/**
 * A pull query's WHERE type errors name the WHERE as their statement, as ksqlDB's pull-query
 * planner reports them ("Error in WHERE expression: Cannot compare ID (INTEGER) to '10' (STRING)
 * with EQUAL.\nStatement: (ID = '10')").
 */
function compileWhere(where: Expression, scope: Scope, kind: 'pull' | 'push'): CompiledExpression {
  try {
    return compileExpression(where, scope, { clause: 'WHERE' });
  } catch (err) {
    if (kind === 'pull' && err instanceof ExpressionTypeError)
      throw new ExpressionTypeError(err.message, formatExpression(where), { cause: err });
    throw err;
  }
}

export function passes(plan: TransientPlan, row: SourceRow): boolean {
  return plan.where === undefined || plan.where.evaluate(row) === true;
}
