import type { CreateAsSelect, Expression, InsertInto, Literal, Property } from '../parser/ast.ts';
import { formatExpression } from '../expression/format-expression.ts';
import { mapExpression } from './map-expression.ts';
import type { NamedItem } from './select-items.ts';

/**
 * The statement as ksqlDB prints it after analysis (SqlFormatter over the rewritten AST): column
 * references qualified with the source alias, every item aliased, one item per line, EMIT
 * CHANGES. ksqlDB appends it as `Statement: ...` to errors raised while building the query
 * (group-by.json "multiple expressions - KAFKA key format").
 */
export function formatAnalyzedStatement(
  stmt: CreateAsSelect | InsertInto,
  items: readonly NamedItem[],
  sourceName: string,
  alias: string,
): string {
  const q = stmt.query;
  const qualify = (e: Expression): string =>
    formatExpression(
      mapExpression(e, (x) =>
        x.kind === 'ColumnRef' && !x.source ? { ...x, source: { name: alias, quoted: false } } : undefined,
      ),
    );
  const head =
    stmt.kind === 'CreateAsSelect'
      ? `CREATE ${stmt.sourceType} ${stmt.name.name}${withClause(stmt.properties)} AS SELECT`
      : `INSERT INTO ${stmt.target.name}${withClause(stmt.properties)} SELECT`;
  const lines = [
    head,
    items.map((i) => `  ${qualify(i.expression)} ${i.name}`).join(',\n'),
    `FROM ${sourceName} ${alias}`,
  ];
  if (q.where) lines.push(`WHERE ${qualify(q.where)}`);
  if (q.groupBy) lines.push(`GROUP BY ${q.groupBy.map(qualify).join(', ')}`);
  if (q.partitionBy) lines.push(`PARTITION BY ${q.partitionBy.map(qualify).join(', ')}`);
  if (q.having) lines.push(`HAVING ${qualify(q.having)}`);
  lines.push(`EMIT ${q.emit ?? 'CHANGES'}`);
  return lines.join('\n');
}

function withClause(props: readonly Property[]): string {
  if (props.length === 0) return '';
  return ` WITH (${props.map((p) => `${p.name}=${literal(p.value)}`).join(', ')})`;
}

function literal(v: Literal): string {
  switch (v.kind) {
    case 'StringLiteral':
      return `'${v.value.replace(/'/g, "''")}'`;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return v.text;
    case 'BooleanLiteral':
      return String(v.value);
    case 'NullLiteral':
      return 'null';
  }
}
