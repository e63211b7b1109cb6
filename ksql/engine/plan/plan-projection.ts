import type { SourceInfo } from '../api.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import type { Scope } from '../expression/scope.ts';
import type { Query } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { expressionKey } from './map-expression.ts';
import type { PlanContext } from './plan-context.ts';
import { joinAnd, NULL_TYPE_MESSAGE } from './messages.ts';
import type { Evaluator, ProjectionPlan } from './query-plan.ts';
import type { NamedItem } from './select-items.ts';
import { indexBinding } from './source-scope.ts';

export interface PlannedProjection {
  readonly plan: ProjectionPlan;
  readonly keyColumns: Column[];
  readonly valueColumns: Column[];
}

/**
 * SELECT without aggregation (select.json, project-filter.json): the source key columns must
 * each be projected exactly once (their alias names the sink key column); PARTITION BY instead
 * makes its expressions the key, and they must be projected too.
 */
export function planProjection(
  query: Query,
  items: readonly NamedItem[],
  source: SourceInfo,
  scope: Scope,
  sinkName: string,
  ctx: PlanContext,
  /** Joins: a column that may stand in for the (single) key column when that is not projected. */
  equivalentKey?: string,
): PlannedProjection {
  const keyItems = new Set<NamedItem>();
  const keyColumns: Column[] = [];
  const keyEvals: Evaluator[] = [];
  let repartition = false;

  if (query.partitionBy) {
    if (source.type === 'TABLE') throw new KsqlUnsupportedError('PARTITION BY on a table', ctx.statementText);
    repartition = true;
    const exprs = query.partitionBy.filter((e) => e.kind !== 'NullLiteral');
    const used = new Set(
      [...source.schema.key, ...source.schema.value].map((c) => c.name).concat(items.map((i) => i.name)),
    );
    let next = 0;
    for (const e of exprs) {
      const k = expressionKey(e);
      const matches = items.filter((i) => expressionKey(i.expression) === k);
      const first = matches[0];
      if (matches.length > 1) {
        throw new KsqlStatementError(
          `The projection contains a key column more than once: ${matches.map((m) => `\`${m.name}\``).join(' and ')}.`,
          ctx.statementText,
        );
      }
      let name: string;
      if (first) {
        keyItems.add(first);
        name = first.name;
      } else if (e.kind === 'ColumnRef') {
        name = e.name.name;
      } else {
        while (used.has(`KSQL_COL_${next}`)) next++;
        name = `KSQL_COL_${next++}`;
      }
      const c = ctx.compile(e, scope, 'PARTITION BY');
      if (!c.type) throw new KsqlStatementError(NULL_TYPE_MESSAGE, ctx.statementText);
      keyColumns.push({ name, type: c.type, namespace: 'KEY' });
      keyEvals.push(c.evaluate);
    }
  } else {
    const missing: string[] = [];
    const found: { pos: number; column: Column; evaluate: Evaluator }[] = [];
    source.schema.key.forEach((kc, i) => {
      const matches = items.filter(
        (it) => it.expression.kind === 'ColumnRef' && it.expression.name.name === kc.name,
      );
      if (matches.length === 0 && equivalentKey !== undefined) {
        matches.push(
          ...items.filter(
            (it) => it.expression.kind === 'ColumnRef' && it.expression.name.name === equivalentKey,
          ),
        );
      }
      const first = matches[0];
      if (!first) {
        missing.push(kc.name);
        return;
      }
      if (matches.length > 1) {
        throw new KsqlStatementError(
          `The projection contains a key column (\`${kc.name}\`) more than once, aliased as: ${matches.map((m) => m.name).join(' and ')}.`,
          ctx.statementText,
        );
      }
      keyItems.add(first);
      found.push({
        pos: items.indexOf(first),
        column: { name: first.name, type: kc.type, namespace: 'KEY' },
        evaluate: indexBinding(i, kc.type).read as Evaluator,
      });
    });
    const newPlanner = String(ctx.properties['ksql.new.query.planner.enabled'] ?? 'false') === 'true';
    // The new planner orders key columns as projected (select.json "multi-key columns reordered").
    if (newPlanner) found.sort((a, b) => a.pos - b.pos);
    for (const f of found) {
      keyColumns.push(f.column);
      keyEvals.push(f.evaluate);
    }
    if (missing.length > 0 && newPlanner && found.length === 0) {
      // The new planner allows dropping the key: the result is unkeyed (select.json).
      missing.length = 0;
    }
    if (missing.length > 0) {
      // ksqlDB names every key column once any is missing (project-filter.json).
      missing.splice(0, missing.length, ...source.schema.key.map((k) => k.name));
      throw new KsqlStatementError(
        `The query used to build \`${sinkName}\` must include the key column${missing.length > 1 ? 's' : ''} ${joinAnd(missing)} in its projection (eg, SELECT ${missing.join(', ')}...).`,
        ctx.statementText,
      );
    }
  }

  const valueColumns: Column[] = [];
  const valueEvals: Evaluator[] = [];
  for (const item of items) {
    if (keyItems.has(item)) continue;
    const c = ctx.compile(item.expression, scope, 'SELECT');
    if (!c.type) {
      throw new KsqlStatementError(NULL_TYPE_MESSAGE, ctx.statementText);
    }
    valueColumns.push({ name: item.name, type: c.type, namespace: 'VALUE' });
    valueEvals.push(c.evaluate);
  }
  if (valueColumns.length === 0)
    throw new KsqlStatementError('The projection contains no value columns.', ctx.statementText);
  return {
    plan: { kind: 'projection', key: keyEvals, value: valueEvals, repartition },
    keyColumns,
    valueColumns,
  };
}
