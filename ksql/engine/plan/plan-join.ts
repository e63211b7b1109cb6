import type { SourceInfo } from '../api.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import { formatExpression } from '../expression/format-expression.ts';
import type { Expression, Query, Relation, SelectItem } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { BIGINT, INT, type SqlType } from '../types/sql-type.ts';
import { durationMs } from './duration.ts';
import { mapExpression, walkExpression } from './map-expression.ts';
import type { PlanContext } from './plan-context.ts';
import type { Evaluator, JoinPlan, JoinSide, TimestampPlan } from './query-plan.ts';
import { sourceLayout, sourceScope } from './source-scope.ts';
import { sourceTimestampPlan } from './timestamp-plan.ts';

export interface PlannedJoin {
  /** The other side's join column (`<alias>_<column>`): it may stand in for the key column in a projection. */
  readonly equivalentKey?: string;
  /** The join result seen as one source: key = the join key column, value = every other column. */
  readonly source: SourceInfo;
  /** The query with `A.X` / unambiguous `X` rewritten to the result's `A_X` columns. */
  readonly query: Query;
  readonly join: JoinPlan;
}

const NO_LOC = { line: 0, column: 0 };
const PSEUDO = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND'];
/** The pseudo columns every side row carries after its columns, in that order, with their types. */
const SIDE_PSEUDO: readonly (readonly [string, SqlType])[] = [
  ['ROWTIME', BIGINT],
  ['ROWPARTITION', INT],
  ['ROWOFFSET', BIGINT],
];

/** The internal name of a side's pseudo column in the join result (`*` does not list it). */
function hiddenPseudo(alias: string, pseudo: string): string {
  return `\u0000${alias}_${pseudo}`;
}

/** `side:PSEUDO` for every qualified side pseudo column the query names. */
function qualifiedPseudoColumns(
  query: Query,
  sides: readonly { source: SourceInfo; alias: string }[],
  st: string,
): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expression): void =>
    walkExpression(e, (x) => {
      if (x.kind === 'ColumnRef' && x.source && SIDE_PSEUDO.some(([p]) => p === x.name.name))
        out.add(`${resolveSide(x.source.name, x.name.name, sides, st)}:${x.name.name}`);
    });
  for (const item of query.select) if (item.kind === 'SingleColumn') visit(item.expression);
  for (const e of [query.where, query.having, ...(query.groupBy ?? []), ...(query.partitionBy ?? [])])
    if (e) visit(e);
  return out;
}

/**
 * Two-way joins (reference: ksqlDB JoinNode): stream-stream (WITHIN, INNER only), stream-table
 * and table-table on the table's PRIMARY KEY, INNER / LEFT / FULL. The result's columns are
 * named `<alias>_<column>`; its key column is the left join expression's column (or the right
 * one's when the left is not a column), as_value.json "join", quoted-identifiers.json.
 */
export function planJoin(
  query: Query,
  rel: Extract<Relation, { kind: 'Join' }>,
  ctx: PlanContext,
): PlannedJoin {
  const st = ctx.statementText;
  for (const item of query.select) {
    if (item.kind === 'SingleColumn' && item.alias && PSEUDO.includes(item.alias.name)) {
      throw new KsqlStatementError(
        `Reserved column name in select: \`${item.alias.name}\`. Please remove or alias the column.`,
        st,
      );
    }
  }
  if (rel.left.kind !== 'Table' || rel.right.kind !== 'Table')
    throw new KsqlUnsupportedError('multi-way joins', st);
  const sides = [rel.left, rel.right].map((r) => {
    const t = r as Extract<Relation, { kind: 'Table' }>;
    const source = ctx.getSource(t.name.name);
    if (!source)
      throw new KsqlStatementError(`Exception while preparing statement: ${t.name.name} does not exist.`, st);
    return { source, alias: t.alias?.name ?? source.name };
  }) as [{ source: SourceInfo; alias: string }, { source: SourceInfo; alias: string }];
  const [L, R] = sides;
  if (L.alias === R.alias) throw new KsqlUnsupportedError('self joins', st);
  // Windowed sources join on key and window: both sides must be windowed alike.
  const [lw, rw] = [L.source.keyFormat.window, R.source.keyFormat.window];
  if ((lw === undefined) !== (rw === undefined))
    throw new KsqlUnsupportedError('joins of a windowed and a non-windowed source', st);
  if (lw && rw && lw.type !== rw.type)
    throw new KsqlUnsupportedError(`joins of ${lw.type} and ${rw.type} windowed sources`, st);
  const windowed = lw !== undefined;

  // ON: one equality, each side referencing exactly one source.
  const on = rel.on;
  const onText = formatExpression(on);
  if (on.kind === 'LogicalBinary' && on.operator === 'AND') {
    // multi-col-keys.json "join on multi-column key"
    throw new KsqlStatementError(
      `Invalid join condition: joins on multiple conditions are not yet supported. Got ${onText}.`,
      st,
    );
  }
  if (on.kind !== 'Comparison' || on.operator !== '=')
    throw new KsqlUnsupportedError(`join criteria other than one equality: ${onText}`, st);
  const sideOf = (e: Expression): 0 | 1 => {
    const refs = new Set<number>();
    walkExpression(e, (x) => {
      if (x.kind === 'ColumnRef') refs.add(resolveSide(x.source?.name, x.name.name, sides, st));
    });
    const only = [...refs];
    if (only.length !== 1) {
      throw new KsqlStatementError(
        `Invalid comparison expression '${formatExpression(e)}' in join '${onText}'. Each side of the join comparision must contain references from exactly one source.`,
        st,
      );
    }
    return only[0] as 0 | 1;
  };
  const a = sideOf(on.left);
  const b = sideOf(on.right);
  if (a === b) {
    throw new KsqlStatementError(
      `Each side of the join comparision must contain references from exactly one source: ${onText}`,
      st,
    );
  }
  const exprFor: [Expression, Expression] = a === 0 ? [on.left, on.right] : [on.right, on.left];

  const kinds = `${L.source.type}-${R.source.type}`;
  let kind: JoinPlan['kind'];
  if (kinds === 'STREAM-STREAM') kind = 'STREAM_STREAM';
  else if (kinds === 'STREAM-TABLE') kind = 'STREAM_TABLE';
  else if (kinds === 'TABLE-TABLE') kind = 'TABLE_TABLE';
  else
    throw new KsqlStatementError(
      'Invalid join order: table-stream joins are not supported; only stream-table joins. Got ' +
        `${L.source.name} ${rel.type} JOIN ${R.source.name}.`,
      st,
    );
  if (kind === 'STREAM_STREAM' && !rel.within)
    throw new KsqlStatementError(
      'Stream-Stream joins must have a WITHIN clause specified. None was provided.',
      st,
    );
  if (kind !== 'STREAM_STREAM' && rel.within)
    throw new KsqlStatementError(
      'A window definition was provided for a Stream-Table join. These joins are not windowed.',
      st,
    );
  if (kind === 'STREAM_STREAM' && rel.type !== 'INNER')
    throw new KsqlUnsupportedError(`${rel.type} OUTER stream-stream joins`, st);
  if (kind === 'STREAM_TABLE' && (rel.type === 'FULL' || rel.type === 'RIGHT')) {
    throw new KsqlStatementError(
      `Invalid join type: full-outer join not supported for Stream-Table join. Got ${L.source.name} [${rel.type}] JOIN ${R.source.name}.`,
      st,
    );
  }
  if (rel.type === 'RIGHT') throw new KsqlUnsupportedError('RIGHT joins', st);
  // Table sides must join on their PRIMARY KEY (foreign-key joins are not implemented).
  sides.forEach((s, i) => {
    if (s.source.type !== 'TABLE') return;
    const e = exprFor[i] as Expression;
    const key = s.source.schema.key;
    if (!(e.kind === 'ColumnRef' && key.length === 1 && key[0]?.name === e.name.name)) {
      if (windowed)
        throw new KsqlStatementError(
          'Foreign-key table-table joins are not supported on windowed tables.',
          st,
        );
      if (kind === 'STREAM_TABLE') {
        // multi-col-keys.json "join to multi-column table"
        throw new KsqlStatementError(
          `Invalid join condition: stream-table joins require to join on the table's primary key. Got ${onText.replace(/^\((.*)\)$/, '$1')}.`,
          st,
        );
      }
      throw new KsqlUnsupportedError(
        `foreign-key joins (${formatExpression(e)} is not the PRIMARY KEY of ${s.source.name})`,
        st,
      );
    }
  });

  // Result schema.
  const keyFrom = exprFor[0].kind === 'ColumnRef' ? 0 : exprFor[1].kind === 'ColumnRef' ? 1 : undefined;
  const keyExpr =
    keyFrom === undefined ? undefined : (exprFor[keyFrom] as Extract<Expression, { kind: 'ColumnRef' }>);
  const sideLayouts = sides.map((s) => sourceLayout(s.source.schema.key, s.source.schema.value));
  const sideScopes = sides.map((s, i) =>
    sourceScope(sideLayouts[i] as ReturnType<typeof sourceLayout>, {
      qualifiers: [s.alias, s.source.name],
      windowed: false,
      rowPartitionOffset: true,
    }),
  );
  const joinKeys = exprFor.map((e, i) =>
    ctx.compile(e, sideScopes[i] as ReturnType<typeof sourceScope>, 'JOIN'),
  );
  const keyName = keyExpr ? `${sides[keyFrom ?? 0]?.alias ?? ''}_${keyExpr.name.name}` : 'ROWKEY';
  const keyType = joinKeys[0]?.type ?? joinKeys[1]?.type;
  if (!keyType) throw new KsqlStatementError(`Invalid join criteria ${onText}`, st);
  const value: Column[] = [];
  // mapping[side][i]: where the side row's index i goes in the result's value columns (-1: not
  // carried). Each side lists its key columns, its window bounds (windowed sources:
  // `<alias>_WINDOWSTART`/`_WINDOWEND`, push-queries.json "windowed join"), its value columns,
  // then hidden pseudo columns the query names.
  const mapping: number[][] = [[], []];
  const referenced = qualifiedPseudoColumns(query, sides, st);
  sides.forEach((s, i) => {
    const layout = sideLayouts[i] as ReturnType<typeof sourceLayout>;
    const m = new Array<number>(layout.width).fill(-1);
    const carry = (index: number, column: Column): void => {
      if (column.name === keyName) return;
      m[index] = value.length;
      value.push(column);
    };
    const keyCount = s.source.schema.key.length;
    s.source.schema.key.forEach((c, j) =>
      carry(j, { name: `${s.alias}_${c.name}`, type: c.type, namespace: 'VALUE' }),
    );
    if (windowed) {
      carry(layout.windowStartIndex, { name: `${s.alias}_WINDOWSTART`, type: BIGINT, namespace: 'VALUE' });
      carry(layout.windowEndIndex, { name: `${s.alias}_WINDOWEND`, type: BIGINT, namespace: 'VALUE' });
    }
    s.source.schema.value.forEach((c, j) =>
      carry(keyCount + j, { name: `${s.alias}_${c.name}`, type: c.type, namespace: 'VALUE' }),
    );
    // A side's own ROWTIME / ROWPARTITION / ROWOFFSET, when the query names them (`L.ROWTIME`).
    const pseudoIndex = [layout.tsIndex, layout.partitionIndex, layout.offsetIndex];
    SIDE_PSEUDO.forEach(([pseudo, type], j) => {
      if (`${s.alias}_${pseudo}` === keyName || !referenced.has(`${i}:${pseudo}`)) return;
      carry(pseudoIndex[j] as number, { name: hiddenPseudo(s.alias, pseudo), type, namespace: 'VALUE' });
    });
    mapping[i] = m;
  });
  const joinSource: SourceInfo = {
    name: `${L.source.name}_${R.source.name}`,
    type: kind === 'TABLE_TABLE' ? 'TABLE' : 'STREAM',
    topic: '',
    schema: { key: [{ name: keyName, type: keyType, namespace: 'KEY' }], value },
    keyFormat: L.source.keyFormat,
    valueFormat: L.source.valueFormat,
    isSource: false,
    statement: st,
  };

  // Rewrite references to the result's column names.
  const rewrite = (e: Expression): Expression =>
    mapExpression(e, (x) => {
      if (x.kind !== 'ColumnRef') return undefined;
      if (['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND'].includes(x.name.name)) {
        // Pseudo columns of the result (a qualified `P.ROWTIME` reads the joined row's).
        if ((x.name.name === 'WINDOWSTART' || x.name.name === 'WINDOWEND') && query.window) {
          throw new KsqlStatementError(`SELECT column '${x.name.name}' cannot be resolved.`, st);
        }
        if (!x.source) return undefined;
        // `a.ROWOFFSET` that is the join key reads the key column (row-offset-and-partition.json).
        const side = sides[resolveSide(x.source.name, x.name.name, sides, st)];
        if (side && `${side.alias}_${x.name.name}` === keyName)
          return { kind: 'ColumnRef', name: { name: keyName, quoted: true }, loc: x.loc };
        // A side's own pseudo column (elements.json "join leaves aliased system columns": `l.ROWTIME`
        // is the left record's timestamp, not the joined row's).
        if (side && SIDE_PSEUDO.some(([p]) => p === x.name.name))
          return {
            kind: 'ColumnRef',
            name: { name: hiddenPseudo(side.alias, x.name.name), quoted: true },
            loc: x.loc,
          };
        return { kind: 'ColumnRef', name: x.name, loc: x.loc };
      }
      const i = resolveSide(x.source?.name, x.name.name, sides, st, x.loc);
      return {
        kind: 'ColumnRef',
        name: { name: `${sides[i]?.alias}_${x.name.name}`, quoted: true },
        loc: x.loc ?? NO_LOC,
      };
    });
  const rewritten: Query = {
    ...query,
    from: { kind: 'Table', name: { name: joinSource.name, quoted: true }, loc: rel.loc },
    select: query.select.flatMap((item): SelectItem[] => {
      if (item.kind === 'SingleColumn' && item.alias && PSEUDO.includes(item.alias.name)) {
        throw new KsqlStatementError(
          `Reserved column name in select: \`${item.alias.name}\`. Please remove or alias the column.`,
          st,
        );
      }
      if (item.kind === 'AllColumns') {
        if (item.source) {
          const i = sides.findIndex(
            (s) => s.alias === item.source?.name || s.source.name === item.source?.name,
          );
          if (i < 0)
            throw new KsqlStatementError(
              `'${item.source.name}' is not a valid stream/table name or alias.`,
              st,
            );
          const side = sides[i];
          if (!side) return [];
          return [...side.source.schema.key, ...side.source.schema.value].map((c) => {
            const name = `${side.alias}_${c.name}`;
            return {
              kind: 'SingleColumn' as const,
              expression: { kind: 'ColumnRef' as const, name: { name, quoted: true }, loc: item.loc },
              alias: { name, quoted: true },
              loc: item.loc,
            };
          });
        }
        return [item];
      }
      const e = item.expression;
      // Unaliased column references keep their bare name when only one source has such a column,
      // else `<alias>_<column>` (identifiers.json "aliased join source", sql-tests "basic join test").
      let alias = item.alias;
      // An unaliased side pseudo column (`I1.ROWTIME`) is named after its side in a transient
      // query (push-queries.json "join with ROWTIME"); a C*AS must alias it.
      if (!alias && e.kind === 'ColumnRef' && e.source && SIDE_PSEUDO.some(([p]) => p === e.name.name)) {
        const side = sides[resolveSide(e.source.name, e.name.name, sides, st, e.loc)];
        const name = `${side?.alias ?? ''}_${e.name.name}`;
        if (name !== keyName && !ctx.transient) {
          throw new KsqlStatementError(
            `Reserved column name in select: \`${e.name.name}\`. Please remove or alias the column.`,
            st,
          );
        }
        alias = { name: ctx.transient ? name : e.name.name, quoted: true };
      }
      if (!alias && e.kind === 'ColumnRef' && !PSEUDO.includes(e.name.name)) {
        const inBoth = sides.every((x) =>
          [...x.source.schema.key, ...x.source.schema.value].some((c) => c.name === e.name.name),
        );
        const own = `${sides[resolveSide(e.source?.name, e.name.name, sides, st, e.loc)]?.alias ?? ''}_${e.name.name}`;
        alias = { name: inBoth ? own : e.name.name, quoted: true };
      }
      return [{ ...item, expression: rewrite(e), ...(alias ? { alias } : {}) }];
    }),
    ...(query.where ? { where: rewrite(query.where) } : {}),
    ...(query.groupBy ? { groupBy: query.groupBy.map(rewrite) } : {}),
    ...(query.partitionBy ? { partitionBy: query.partitionBy.map(rewrite) } : {}),
    ...(query.having ? { having: rewrite(query.having) } : {}),
  };

  const side = (i: 0 | 1): JoinSide => ({
    source: sides[i].source,
    layout: sideLayouts[i] as ReturnType<typeof sourceLayout>,
    timestamp: sourceTimestampPlan(sides[i].source) as TimestampPlan,
    joinKey: (joinKeys[i]?.evaluate ?? (() => null)) as Evaluator,
    mapping: mapping[i] as number[],
  });
  const within = rel.within
    ? {
        before: durationMs(rel.within.before),
        after: durationMs(rel.within.after),
        grace: rel.within.grace ? durationMs(rel.within.grace) : 24 * 3600 * 1000,
      }
    : undefined;
  const other = keyFrom === undefined ? undefined : keyFrom === 0 ? 1 : 0;
  const otherExpr = other === undefined ? undefined : exprFor[other];
  const equivalentKey =
    otherExpr?.kind === 'ColumnRef' && other !== undefined
      ? `${sides[other].alias}_${otherExpr.name.name}`
      : undefined;
  return {
    ...(equivalentKey ? { equivalentKey } : {}),
    source: joinSource,
    query: rewritten,
    join: {
      kind,
      type: rel.type === 'FULL' ? 'FULL' : rel.type === 'LEFT' ? 'LEFT' : 'INNER',
      left: side(0),
      right: side(1),
      ...(within ? { within } : {}),
      ...(windowed ? { windowed } : {}),
    },
  };
}

function resolveSide(
  qualifier: string | undefined,
  name: string,
  sides: readonly { source: SourceInfo; alias: string }[],
  st: string,
  loc?: { readonly line: number; readonly column: number },
): number {
  if (qualifier !== undefined) {
    const i = sides.findIndex((s) => s.alias === qualifier || s.source.name === qualifier);
    if (i < 0) throw new KsqlStatementError(`'${qualifier}' is not a valid stream/table name or alias.`, st);
    return i;
  }
  const has = sides.map((s) =>
    [...s.source.schema.key, ...s.source.schema.value].some((c) => c.name === name),
  );
  if (has[0] && has[1]) {
    throw new KsqlStatementError(
      `${loc ? `Line: ${loc.line}, Col: ${loc.column}: ` : ''}Column '${name}' is ambiguous. Could be ${sides[0]?.alias}.${name} or ${sides[1]?.alias}.${name}.`,
      st,
    );
  }
  if (has[0]) return 0;
  if (has[1]) return 1;
  throw new KsqlStatementError(`SELECT column '${name}' cannot be resolved.`, st);
}
