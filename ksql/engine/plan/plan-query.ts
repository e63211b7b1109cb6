import type { SourceInfo } from '../api.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import type { Query } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { validateKeyColumns, validateValueColumns } from '../serde/format-validation.ts';
import { formatAnalyzedStatement } from './format-statement.ts';
import { planAggregation } from './plan-aggregation.ts';
import { planJoin, type PlannedJoin } from './plan-join.ts';
import type { PlanContext, SinkRequest } from './plan-context.ts';
import { planProjection } from './plan-projection.ts';
import type { QueryPlan } from './query-plan.ts';
import { namedSelectItems } from './select-items.ts';
import { buildSink } from './sink.ts';
import { sourceLayout, sourceScope, WINDOW_BOUNDS } from './source-scope.ts';
import { containsAggregate, referencesAny } from './expression-checks.ts';
import { sourceTimestampPlan } from './timestamp-plan.ts';

const BOUNDS: ReadonlySet<string> = new Set(WINDOW_BOUNDS);

/**
 * Analyses the query of a C*AS / INSERT INTO into an executable plan: source, timestamp
 * extraction, WHERE, then either a projection (optionally PARTITION BY) or a GROUP BY
 * aggregation, and the sink's schema and formats. Validation errors use ksqlDB's wording.
 */
export function planQuery(original: Query, sinkReq: SinkRequest, ctx: PlanContext): QueryPlan {
  let query = original;
  let joined: PlannedJoin | undefined;
  if (original.from.kind === 'Join') {
    joined = planJoin(original, original.from, ctx);
    query = joined.query;
  }
  const from = query.from;
  if (from.kind !== 'Table') throw new KsqlUnsupportedError('nested joins', ctx.statementText);
  const source = joined ? joined.source : ctx.getSource(from.name.name);
  if (!source)
    throw new KsqlStatementError(
      `Exception while preparing statement: ${from.name.name} does not exist.`,
      ctx.statementText,
    );
  const windowedSource = source.keyFormat.window !== undefined;
  if (source.type === 'TABLE' && windowedSource) {
    throw new KsqlStatementError(
      'KSQL does not support persistent queries on windowed tables.',
      ctx.statementText,
    );
  }
  if (query.emit === 'FINAL' && !query.window) {
    throw new KsqlStatementError(
      'EMIT FINAL is only supported for windowed aggregations.',
      ctx.statementText,
    );
  }
  const qualifiers = [source.name, ...(from.alias ? [from.alias.name] : [])];
  const layout = sourceLayout(source.schema.key, source.schema.value);
  const scope = sourceScope(layout, { qualifiers, windowed: windowedSource, rowPartitionOffset: true });

  let where: QueryPlan['where'];
  if (query.where) {
    const bound = windowedSource ? undefined : referencesAny(query.where, BOUNDS);
    if (bound)
      throw new KsqlStatementError(`Error in WHERE expression: Unknown column ${bound}.`, ctx.statementText);
    if (containsAggregate(query.where)) {
      throw new KsqlStatementError('WHERE clause can not contain aggregate functions.', ctx.statementText);
    }
    const c = ctx.compile(query.where, scope, 'WHERE');
    const ev = c.evaluate;
    where = (row) => ev(row) === true;
  }

  const items = namedSelectItems(
    query.select,
    source.schema.key,
    source.schema.value,
    qualifiers,
    query.partitionBy !== undefined,
    ctx.transient === true,
  );
  if (sinkReq.kind === 'create' && sinkReq.with.timestamp !== undefined) {
    const ts = sinkReq.with.timestamp;
    if (!items.some((i) => i.name === ts || i.name === ts.toUpperCase())) {
      throw new KsqlStatementError(
        `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${ts.toUpperCase()}'`,
        ctx.statementText,
      );
    }
  }
  const isAggregate =
    query.groupBy !== undefined ||
    items.some((i) => containsAggregate(i.expression)) ||
    (query.having !== undefined && containsAggregate(query.having));

  if (query.window && !query.groupBy && !isAggregate) {
    throw new KsqlStatementError('WINDOW clause requires a GROUP BY clause.', ctx.statementText);
  }
  const resultType = isAggregate || source.type === 'TABLE' ? 'TABLE' : 'STREAM';
  checkResultType(resultType, sinkReq, ctx);

  const sinkName = sinkReq.kind === 'create' ? sinkReq.name : sinkReq.target.name;
  let keyColumns: Column[];
  let valueColumns: Column[];
  let body: QueryPlan['body'];
  if (isAggregate) {
    const agg = planAggregation(query, items, source, scope, sinkName, ctx);
    body = agg.plan;
    keyColumns = agg.keyColumns;
    valueColumns = agg.valueColumns;
  } else {
    if (query.having)
      throw new KsqlStatementError('HAVING clause requires a GROUP BY clause.', ctx.statementText);
    const proj = planProjection(query, items, source, scope, sinkName, ctx, joined?.equivalentKey);
    body = proj.plan;
    keyColumns = proj.keyColumns;
    valueColumns = proj.valueColumns;
  }
  checkDuplicateValues(keyColumns, valueColumns, ctx);

  const sinkWindow =
    body.kind === 'aggregate' && body.window
      ? body.window.kind === 'SESSION'
        ? ({ type: 'SESSION' } as const)
        : ({ type: body.window.kind, sizeMs: body.window.size } as const)
      : body.kind === 'projection' && !body.repartition
        ? source.keyFormat.window
        : undefined;

  const built = buildSink(sinkReq, source, { key: keyColumns, value: valueColumns }, sinkWindow, ctx);
  if (sinkReq.kind === 'create') {
    const sink = built.sink;
    try {
      validateKeyColumns(sink.keyFormat.info.format, sink.schema.key, sink.keyFormat.features);
      validateValueColumns(sink.valueFormat.info.format, sink.schema.value, sink.valueFormat.features);
    } catch (e) {
      if (!(e instanceof KsqlStatementError) || !ctx.statement) throw e;
      const text = formatAnalyzedStatement(
        ctx.statement,
        items,
        source.name,
        from.alias?.name ?? source.name,
      );
      throw new KsqlStatementError(`${e.message}\nStatement: ${text}`, ctx.statementText, { cause: e });
    }
  }
  const conv = built.valueConverters;
  if (conv && conv.some((c) => c !== undefined)) {
    const value = body.value.map((e, i) => {
      const c = conv[i];
      return c ? (row: readonly unknown[]) => c(e(row)) : e;
    });
    body = { ...body, value };
  }
  return {
    queryId: ctx.queryId,
    statement: ctx.statementText,
    source,
    layout,
    timestamp: joined ? { kind: 'record' } : sourceTimestampPlan(source),
    ...(joined ? { join: joined.join } : {}),
    ...(where ? { where } : {}),
    body,
    sink: built.sink,
    ...(built.sinkTimestamp ? { sinkTimestamp: built.sinkTimestamp } : {}),
    throwOnInvalidTimestamp:
      String(ctx.properties['ksql.timestamp.throw.on.invalid'] ?? 'false').toLowerCase() === 'true',
  };
}

function checkResultType(resultType: 'STREAM' | 'TABLE', sinkReq: SinkRequest, ctx: PlanContext): void {
  const wanted = sinkReq.kind === 'create' ? sinkReq.type : sinkReq.target.type;
  if (wanted === resultType) return;
  if (sinkReq.kind === 'existing') {
    throw new KsqlStatementError(
      `Incompatible data sink and query result. Data sink (${sinkReq.target.name}) type is ${wanted} but select query result is ${resultType}.`,
      ctx.statementText,
    );
  }
  throw new KsqlStatementError(
    `Invalid result type. Your SELECT query produces a ${resultType}. Please use CREATE ${resultType} AS SELECT statement instead.`,
    ctx.statementText,
  );
}

function checkDuplicateValues(keys: readonly Column[], columns: readonly Column[], ctx: PlanContext): void {
  const seen = new Set<string>(keys.map((k) => k.name));
  for (const c of columns) {
    if (seen.has(c.name)) {
      throw new KsqlStatementError(
        `Duplicate value columns found in schema: \`${c.name}\` ${formatSqlType(c.type)}`,
        ctx.statementText,
      );
    }
    seen.add(c.name);
  }
}

export type { SourceInfo };
