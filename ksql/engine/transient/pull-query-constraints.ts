import type { SourceInfo } from '../api.ts';
import { KsqlStatementError } from '../errors.ts';
import { formatExpression } from '../expression/format-expression.ts';
import type { Expression } from '../parser/ast.ts';
import { walkExpression } from '../plan/map-expression.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { disjuncts } from './key-lookup-order.ts';

/**
 * With `ksql.query.pull.table.scan.enabled=false` ksqlDB answers a pull query only by key: every
 * disjunct of the WHERE (in disjunctive normal form, IN lists as ORs) must pin the key, and the
 * query is rejected with the messages below otherwise
 * (pull-queries-against-materialized-aggregates.json "fail on unsupported query feature: …").
 * Comparisons on other columns are extra filters; a key compared by `<`/`>` is a range lookup.
 */
export function checkKeyOnlyPullQuery(where: Expression | undefined, source: SourceInfo): void {
  const keys = source.schema.key;
  const keyList = `[${keys.map((k) => `\`${k.name}\` ${formatSqlType(k.type)} KEY`).join(', ')}]`;
  if (!where) throw new KsqlStatementError('WHERE clause missing key column for disjunct: true');
  const isKey = (e: Expression): string | undefined =>
    e.kind === 'ColumnRef' ? keys.find((k) => k.name === e.name.name)?.name : undefined;
  const references = (e: Expression, which: (name: string) => boolean): boolean => {
    let found = false;
    walkExpression(e, (x) => {
      if (x.kind === 'ColumnRef' && which(x.name.name)) found = true;
    });
    return found;
  };
  const keyNames = new Set(keys.map((k) => k.name));
  for (const conjuncts of disjuncts(where) ?? [[where]]) {
    const bounds = new Map<string, { equal: number; range: number }>();
    for (const c of conjuncts) {
      if (!references(c, (n) => keyNames.has(n))) continue; // a filter on other columns
      if (c.kind !== 'Comparison')
        throw new KsqlStatementError('A comparison must directly reference a key column.');
      const key = isKey(c.left) ?? isKey(c.right);
      if (key === undefined)
        throw new KsqlStatementError('A comparison must directly reference a key column.');
      const other = isKey(c.left) !== undefined ? c.right : c.left;
      if (references(other, () => true))
        throw new KsqlStatementError(
          'A comparison must be between a key column and a resolvable expression.',
        );
      if (c.operator === '<>')
        throw new KsqlStatementError(`Bound on key columns '${keyList}' must currently be '='. `);
      const b = bounds.get(key) ?? { equal: 0, range: 0 };
      if (c.operator === '=') b.equal++;
      else b.range++;
      bounds.set(key, b);
    }
    for (const b of bounds.values()) {
      if (b.equal + b.range > 1) {
        throw new KsqlStatementError(
          'A comparison condition on the key column cannot be combined with other comparisons such as an IN predicate',
        );
      }
    }
    if (bounds.size === 0) {
      throw new KsqlStatementError(
        `WHERE clause missing key column for disjunct: ${formatConjunction(conjuncts)}`,
      );
    }
    if (keys.length > 1 && keys.some((k) => bounds.get(k.name)?.equal !== 1))
      throw new KsqlStatementError('Multi-column sources must specify every key in the WHERE clause');
  }
}

function formatConjunction(conjuncts: readonly Expression[]): string {
  return conjuncts.map((c) => formatExpression(c)).join(' AND ');
}
