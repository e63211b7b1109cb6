import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import { compileExpression } from '../expression/compile-expression.ts';
import { ExpressionTypeError } from '../expression/expression-errors.ts';
import { formatExpression } from '../expression/format-expression.ts';
import type { Scope } from '../expression/scope.ts';
import type { Expression } from '../parser/ast.ts';
import { formatSqlType } from '../types/sql-type.ts';
import type { SourceRow } from './source-row.ts';

/**
 * ksqlDB answers a pull query whose WHERE pins the table's key in every disjunct of its
 * disjunctive normal form (`K = x`, `K IN (x, y)`, `(K = x OR K = y) AND WINDOWSTART > t`, …)
 * with key lookups instead of a table scan. The keys are taken in the order they are written
 * (the first key equality of each disjunct), grouped by partition in order of first appearance
 * (its locator asks each partition for its keys), so rows come back in that order
 * (pull-queries-against-materialized-aggregates.json: "IN key lookup", "key fetch plus
 * additional filters", "window range", "multiple same key references").
 *
 * Returns a function putting the matching rows in that order for such a query, or undefined for a table scan. The partition
 * of a listed key is learnt from its rows, so a listed key without rows does not place its
 * partition (a difference only when another listed key shares that partition).
 */
export function keyLookupOrder(
  where: Expression | undefined,
  source: SourceInfo,
  scope: Scope,
): ((rows: readonly SourceRow[]) => SourceRow[]) | undefined {
  if (!where || source.type !== 'TABLE' || source.schema.key.length !== 1) return undefined;
  const keyName = source.schema.key[0]!.name;
  const dnf = disjuncts(where);
  if (dnf === undefined) return undefined;
  const keys: Expression[] = [];
  for (const conjuncts of dnf) {
    const nullKey = conjuncts.find((c) => pinsKeyToNull(c, keyName));
    if (nullKey)
      throw new KsqlStatementError(`Primary key columns can not be NULL: ${formatExpression(nullKey)}`);
    const key = conjuncts.map((c) => pinnedKey(c, keyName)).find((k) => k !== undefined);
    if (!key) return undefined;
    keys.push(key);
  }
  const keyColumn = source.schema.key[0]!;
  const equals = keys.map((k) => {
    try {
      return compileExpression(
        { kind: 'Comparison', operator: '=', left: columnRef(keyName, k), right: k, loc: k.loc },
        scope,
        { clause: 'WHERE' },
      ).evaluate as (row: SourceRow) => unknown;
    } catch (err) {
      if (!(err instanceof ExpressionTypeError)) throw err;
      throw new KsqlStatementError(
        `${formatExpression(k)} can not be converted to the type of the key column: ${keyName} ${formatSqlType(keyColumn.type)} KEY`,
        undefined,
        { cause: err },
      );
    }
  });
  return (rows) => {
    const position = new Map(rows.map((r) => [r, lookupPosition(equals, r)]));
    const partitionRank = new Map<number, number>();
    for (const r of rows) {
      const p = position.get(r)!;
      if (p < (partitionRank.get(r.partition) ?? Infinity)) partitionRank.set(r.partition, p);
    }
    return [...rows].sort(
      (a, b) =>
        partitionRank.get(a.partition)! - partitionRank.get(b.partition)! ||
        position.get(a)! - position.get(b)!,
    );
  };
}

/** Beyond this many disjuncts ksqlDB's rewrite is not worth following: scan order. */
const MAX_DISJUNCTS = 10_000;

/** The WHERE as OR-of-ANDs, with `IN` lists as ORs of equalities; undefined when too large. */
export function disjuncts(e: Expression): Expression[][] | undefined {
  switch (e.kind) {
    case 'LogicalBinary': {
      const left = disjuncts(e.left);
      const right = disjuncts(e.right);
      if (!left || !right) return undefined;
      if (e.operator === 'OR') return [...left, ...right];
      if (left.length * right.length > MAX_DISJUNCTS) return undefined;
      return left.flatMap((l) => right.map((r) => [...l, ...r]));
    }
    case 'InList':
      if (e.negated) return [[e]];
      return e.list.map((item) => [
        { kind: 'Comparison', operator: '=', left: e.value, right: item, loc: item.loc },
      ]);
    default:
      return [[e]];
  }
}

/** The literal a conjunct `K = literal` (either way round) pins the key to. */
function pinnedKey(c: Expression, keyName: string): Expression | undefined {
  if (c.kind !== 'Comparison' || c.operator !== '=') return undefined;
  const isKey = (e: Expression) => e.kind === 'ColumnRef' && e.name.name === keyName;
  if (isKey(c.left) && isLiteral(c.right)) return c.right;
  if (isKey(c.right) && isLiteral(c.left)) return c.left;
  return undefined;
}

/** `K = NULL` (from `K IN (NULL)`: a direct `K = NULL` is already a type error). */
function pinsKeyToNull(c: Expression, keyName: string): boolean {
  if (c.kind !== 'Comparison' || c.operator !== '=') return false;
  const isKey = (e: Expression) => e.kind === 'ColumnRef' && e.name.name === keyName;
  return (
    (isKey(c.left) && c.right.kind === 'NullLiteral') || (isKey(c.right) && c.left.kind === 'NullLiteral')
  );
}

function isLiteral(e: Expression): boolean {
  return e.kind.endsWith('Literal') && e.kind !== 'NullLiteral';
}

function columnRef(name: string, at: Expression): Expression {
  return { kind: 'ColumnRef', name: { name, quoted: true }, loc: at.loc };
}

function lookupPosition(equals: readonly ((row: SourceRow) => unknown)[], row: SourceRow): number {
  const i = equals.findIndex((eq) => eq(row) === true);
  return i < 0 ? equals.length : i;
}
