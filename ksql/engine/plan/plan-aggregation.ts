import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import type { ColumnBinding, Scope } from '../expression/scope.ts';
import { getAggregateFunction, literalArgCount } from '../functions/aggregate/registry.ts';
import type { Expression, FunctionCall, Query, WindowExpression } from '../parser/ast.ts';
import { defaultGrace, type WindowSpec } from '../runtime/window-spec.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { SqlType } from '../types/sql-type.ts';
import { BIGINT } from '../types/sql-type.ts';
import { durationMs } from './duration.ts';
import { fastAggregate } from './fast-aggregates.ts';
import { aggregateCalls, isAggregateCall, referencedColumns, referencesAny } from './expression-checks.ts';
import { expressionKey, mapExpression, walkExpression } from './map-expression.ts';
import { fmt, joinAnd, NULL_TYPE_MESSAGE } from './messages.ts';
import type { PlanContext } from './plan-context.ts';
import type { AggregateCall, AggregatePlan, Evaluator } from './query-plan.ts';
import type { NamedItem } from './select-items.ts';
import { WINDOW_BOUNDS } from './source-scope.ts';

export interface PlannedAggregation {
  readonly plan: AggregatePlan;
  readonly keyColumns: Column[];
  readonly valueColumns: Column[];
}

const BOUNDS: ReadonlySet<string> = new Set(WINDOW_BOUNDS);
const NO_LOC = { line: 0, column: 0 };
const BOUNDS_MESSAGE = (name: string): string =>
  `Window bounds column ${name} can only be used in the SELECT clause of windowed aggregations`;

function internalRef(name: string): Expression {
  return { kind: 'ColumnRef', name: { name, quoted: true }, loc: NO_LOC };
}
const keyName = (i: number): string => `\u0000K${i}`;
const aggName = (i: number): string => `\u0000A${i}`;

/**
 * GROUP BY aggregation (reference e.3, group-by.json): aggregate calls in SELECT/HAVING become
 * internal columns, GROUP BY expressions become key columns (each must be projected once), the
 * rest of SELECT/HAVING may only use those, plus WINDOWSTART/WINDOWEND in a windowed SELECT.
 */
export function planAggregation(
  query: Query,
  items: readonly NamedItem[],
  source: SourceInfo,
  scope: Scope,
  sinkName: string,
  ctx: PlanContext,
): PlannedAggregation {
  const st = ctx.statementText;
  const groupBy = query.groupBy ?? [];
  if (groupBy.length === 0) {
    const first = items.flatMap((i) => aggregateCalls(i.expression))[0];
    const nonAgg = items.filter((i) => aggregateCalls(i.expression).length === 0);
    if (nonAgg.length > 0) {
      throw new KsqlStatementError(
        `Non-aggregate SELECT expression(s) not part of GROUP BY: ${nonAgg.map((i) => fmt(i.expression)).join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
        st,
      );
    }
    const shown = first ? (first.star ? `${first.name}(ROWTIME)` : fmt(first)) : '';
    throw new KsqlStatementError(
      `CREATE TABLE AS SELECT statement does not support aggregate function [${shown}] without a GROUP BY clause.`,
      st,
    );
  }
  if (source.valueFormat.info.format === 'KAFKA') {
    throw new KsqlStatementError(
      `Source(s) ${source.name} are using the 'KAFKA' value format. This format does not yet support GROUP BY.`,
      st,
    );
  }
  const windowed = query.window !== undefined;

  // GROUP BY expressions
  const groupKeys = new Map<string, number>();
  const groupEvals: Evaluator[] = [];
  const groupTypes: SqlType[] = [];
  groupBy.forEach((e, i) => {
    const agg = aggregateCalls(e)[0];
    if (agg)
      throw new KsqlStatementError(
        `GROUP BY does not support aggregate functions: ${agg.name} is an aggregate function.`,
        st,
      );
    const bound = referencesAny(e, BOUNDS);
    if (bound) throw new KsqlStatementError(BOUNDS_MESSAGE(bound), st);
    const k = expressionKey(e);
    if (groupKeys.has(k)) throw new KsqlStatementError(`Duplicate GROUP BY expression: ${fmt(e)}`, st);
    groupKeys.set(k, i);
    const c = ctx.compile(e, scope, 'GROUP BY');
    if (!c.type) throw new KsqlStatementError(NULL_TYPE_MESSAGE, st);
    groupEvals.push(c.evaluate);
    groupTypes.push(c.type);
  });

  // Aggregate calls
  const callIndex = new Map<string, number>();
  const calls: AggregateCall[] = [];
  const callNames: string[] = [];
  const callTexts: string[] = [];
  const callTypes: SqlType[] = [];
  const collect = (e: Expression): void => {
    for (const call of aggregateCalls(e)) {
      const k = expressionKey(call);
      if (callIndex.has(k)) continue;
      for (const a of call.args) {
        const nested = aggregateCalls(a)[0];
        if (nested) throw new KsqlStatementError(`Aggregate functions can not be nested: ${fmt(call)}`, st);
        const bound = referencesAny(a, BOUNDS);
        if (bound) throw new KsqlStatementError(BOUNDS_MESSAGE(bound), st);
      }
      callIndex.set(k, calls.length);
      const planned = planCall(call, scope, ctx);
      calls.push(planned.call);
      callTypes.push(planned.returnType);
      callNames.push(call.name);
      callTexts.push(fmt(call));
    }
  };
  for (const item of items) collect(item.expression);
  if (query.having) {
    const bound = referencesAny(query.having, BOUNDS);
    if (bound) throw new KsqlStatementError(BOUNDS_MESSAGE(bound), st);
    collect(query.having);
  }
  if (calls.length === 0) {
    // ksqlDB reports unknown functions and type errors before the missing aggregate.
    for (const item of items) ctx.compile(item.expression, scope, 'SELECT');
    throw new KsqlStatementError(
      'GROUP BY requires aggregate functions in either the SELECT or HAVING clause.',
      st,
    );
  }
  if (source.type === 'TABLE') {
    const names = [...new Set(callNames.filter((_, i) => !calls[i]?.fn.undo))];
    if (names.length > 0) {
      throw new KsqlStatementError(
        `The aggregation functions ${joinAnd(names)} cannot be applied to a table source, only to a stream source.`,
        st,
      );
    }
  }
  if (source.valueFormat.info.format === 'DELIMITED' && calls.some((c) => isComplex(c.fn.aggregateType))) {
    throw new KsqlStatementError(
      'One of the functions used in the statement has an intermediate type that the value format can not handle. Please remove the function or change the format.',
      st,
    );
  }

  const rewrite = (e: Expression): Expression =>
    mapExpression(e, (x) => {
      if (isAggregateCall(x)) {
        const i = callIndex.get(expressionKey(x));
        return i === undefined ? undefined : internalRef(aggName(i));
      }
      const g = groupKeys.get(expressionKey(x));
      return g === undefined ? undefined : internalRef(keyName(g));
    });
  const strayColumns = (e: Expression, allowBounds: boolean): string[] => {
    const out: string[] = [];
    walkExpression(e, (x) => {
      if (
        x.kind === 'ColumnRef' &&
        !x.name.name.startsWith('\u0000') &&
        !(allowBounds && BOUNDS.has(x.name.name))
      ) {
        out.push(fmt(x));
      }
      return true;
    });
    return out;
  };

  // SELECT items over the aggregate row
  const rewritten = items.map((i) => ({ item: i, expr: rewrite(i.expression) }));
  const bad = rewritten.filter((r) => strayColumns(r.expr, windowed).length > 0);
  if (bad.length > 0) {
    throw new KsqlStatementError(
      `Non-aggregate SELECT expression(s) not part of GROUP BY: ${bad.map((b) => fmt(b.item.expression)).join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
      st,
    );
  }
  let havingExpr: Expression | undefined;
  if (query.having) {
    havingExpr = rewrite(query.having);
    const stray = strayColumns(havingExpr, false);
    if (stray.length > 0)
      throw new KsqlStatementError(
        `Non-aggregate HAVING expression not part of GROUP BY: ${stray.join(', ')}`,
        st,
      );
  }

  // Key columns: each GROUP BY expression projected exactly once.
  const keyColumns: Column[] = [];
  const keyItems = new Set<NamedItem>();
  const missing: string[] = [];
  groupBy.forEach((e, i) => {
    const matches = rewritten.filter((r) => r.expr.kind === 'ColumnRef' && r.expr.name.name === keyName(i));
    const first = matches[0];
    if (!first) {
      // A transient query keys its rows by the unprojected expression under an internal name.
      if (ctx.transient)
        keyColumns.push({ name: keyName(i), type: groupTypes[i] ?? BIGINT, namespace: 'KEY' });
      else missing.push(fmt(e));
      return;
    }
    if (matches.length > 1) {
      throw new KsqlStatementError(
        `The projection contains a key column more than once: ${matches.map((m) => `\`${m.item.name}\``).join(' and ')}.`,
        st,
      );
    }
    keyItems.add(first.item);
    keyColumns.push({ name: first.item.name, type: groupTypes[i] ?? BIGINT, namespace: 'KEY' });
  });
  if (missing.length > 0) {
    throw new KsqlStatementError(
      `The query used to build \`${sinkName}\` must include the grouping expression${missing.length > 1 ? 's' : ''} ${joinAnd(missing)} in its projection (eg, SELECT ${missing.join(', ')}...).`,
      st,
    );
  }

  const aggScope = aggregateScope(groupTypes, callTypes, windowed);
  // Errors name the original expressions, not the internal columns (comparison-expression.json).
  const compileAgg = (e: Expression, clause: string): ReturnType<PlanContext['compile']> => {
    try {
      return ctx.compile(e, aggScope, clause);
    } catch (err) {
      if (!(err instanceof KsqlStatementError)) throw err;
      let msg = err.message;
      callTexts.forEach(
        (t, i) =>
          (msg = msg
            .split(`\`${aggName(i)}\``)
            .join(t)
            .split(aggName(i))
            .join(t)),
      );
      groupBy.forEach(
        (g, i) =>
          (msg = msg
            .split(`\`${keyName(i)}\``)
            .join(fmt(g))
            .split(keyName(i))
            .join(fmt(g))),
      );
      throw new KsqlStatementError(msg, err.statementText ?? st, { cause: err });
    }
  };
  const valueColumns: Column[] = [];
  const valueEvals: Evaluator[] = [];
  for (const r of rewritten) {
    if (keyItems.has(r.item)) continue;
    const c = compileAgg(r.expr, 'SELECT');
    if (!c.type) throw new KsqlStatementError(NULL_TYPE_MESSAGE, st);
    valueColumns.push({ name: r.item.name, type: c.type, namespace: 'VALUE' });
    valueEvals.push(c.evaluate);
  }
  if (valueColumns.length === 0 && !ctx.transient)
    throw new KsqlStatementError('The projection contains no value columns.', st);
  let having: Evaluator | undefined;
  const havingCalls: number[] = [];
  if (havingExpr) {
    const h = compileAgg(havingExpr, 'HAVING').evaluate;
    having = (row) => h(row) === true;
    const refs = new Set(referencedColumns(havingExpr));
    calls.forEach((_, i) => {
      if (refs.has(aggName(i))) havingCalls.push(i);
    });
  }
  const window = query.window ? windowSpec(query.window, query.emit === 'FINAL') : undefined;
  return {
    plan: {
      kind: 'aggregate',
      groupBy: groupEvals,
      calls,
      ...(window ? { window } : {}),
      emitFinal: query.emit === 'FINAL',
      ...(having ? { having, havingCalls } : {}),
      value: valueEvals,
      tableSource: source.type === 'TABLE',
    },
    keyColumns,
    valueColumns,
  };
}

function isComplex(t: SqlType): boolean {
  return t.kind === 'STRUCT' || t.kind === 'ARRAY' || t.kind === 'MAP';
}

function planCall(
  call: FunctionCall,
  scope: Scope,
  ctx: PlanContext,
): { call: AggregateCall; returnType: SqlType } {
  const fn = getAggregateFunction(call.name);
  if (!fn)
    throw new KsqlStatementError(`Can't find any functions with the name '${call.name}'`, ctx.statementText);
  const n = call.star ? 0 : call.args.length;
  const literalCount = literalArgCount(call.name, n);
  const columnArgs = call.star ? [] : call.args.slice(0, n - literalCount);
  const literalArgs = call.star ? [] : call.args.slice(n - literalCount);
  const compiled = columnArgs.map((a) => ctx.compile(a, scope, 'SELECT'));
  const emptyScope: Scope = { resolveColumn: () => undefined };
  const literals = literalArgs.map((a) => ctx.compile(a, emptyScope, 'SELECT').evaluate([]));
  const argTypes = compiled.map((c) => c.type ?? BIGINT);
  const resolved = fn.resolve(argTypes, literals);
  if ('error' in resolved) throw new KsqlStatementError(resolved.error, ctx.statementText);
  return {
    call: { fn: fastAggregate(call.name, argTypes, resolved), args: compiled.map((c) => c.evaluate) },
    returnType: resolved.returnType,
  };
}

/** Scope over `[...groupKey, ...aggregateResults, windowStart, windowEnd]`. */
function aggregateScope(
  groupTypes: readonly SqlType[],
  callTypes: readonly SqlType[],
  windowed: boolean,
): Scope {
  const byName = new Map<string, ColumnBinding>();
  groupTypes.forEach((type, i) =>
    byName.set(keyName(i), { type, read: (row) => (row as unknown[])[i] ?? null }),
  );
  const base = groupTypes.length;
  callTypes.forEach((type, i) =>
    byName.set(aggName(i), { type, read: (row) => (row as unknown[])[base + i] ?? null }),
  );
  if (windowed) {
    const ws = base + callTypes.length;
    byName.set('WINDOWSTART', { type: BIGINT, read: (row) => BigInt((row as number[])[ws] ?? 0) });
    byName.set('WINDOWEND', { type: BIGINT, read: (row) => BigInt((row as number[])[ws + 1] ?? 0) });
  }
  return { resolveColumn: (name) => byName.get(name) };
}

export function windowSpec(w: WindowExpression, emitFinal: boolean): WindowSpec {
  switch (w.kind) {
    case 'Tumbling':
    case 'Hopping': {
      const size = durationMs(w.size);
      const advance = w.kind === 'Hopping' ? durationMs(w.advance) : size;
      const grace = w.grace ? durationMs(w.grace) : defaultGrace(size, emitFinal);
      const retention = w.retention ? durationMs(w.retention) : size + grace;
      return { kind: w.kind === 'Tumbling' ? 'TUMBLING' : 'HOPPING', size, advance, grace, retention };
    }
    case 'Session': {
      const gap = durationMs(w.gap);
      const grace = w.grace ? durationMs(w.grace) : defaultGrace(gap, emitFinal);
      const retention = w.retention ? durationMs(w.retention) : gap + grace;
      return { kind: 'SESSION', gap, grace, retention };
    }
  }
}
