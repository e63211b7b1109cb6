import type { Expression, Identifier, Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier, parseSourceName } from './parse-identifier.ts';
import { parseList } from './parse-primary.ts';
import { parseOptionalWith } from './parse-properties.ts';
import { parseQuery } from './parse-query.ts';
import { parseValueExpression } from './parse-value-expression.ts';
import type { StatementHead } from './statement-base.ts';

/** `INSERT INTO name [WITH (...)] query` or `INSERT INTO name [(cols)] VALUES (values)`. */
export function parseInsert(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('INSERT');
  c.expectKeyword('INTO');
  const target = parseSourceName(c);
  if (c.isKeyword('WITH') || c.isKeyword('SELECT')) {
    const properties = parseOptionalWith(c);
    return { kind: 'InsertInto', ...head, target, properties, query: parseQuery(c) };
  }
  const columns = c.isOp('(') ? parseColumns(c) : undefined;
  c.expectKeyword('VALUES');
  const values = parseValues(c);
  return { kind: 'InsertValues', ...head, target, ...(columns ? { columns } : {}), values };
}

/** `columns`: `( identifier, ... )` */
export function parseColumns(c: Cursor): Identifier[] {
  c.expectOp('(');
  const columns = parseList(c, parseIdentifier);
  c.expectOp(')');
  return columns;
}

/** `values`: `( [valueExpression, ...] )`; a predicate needs parentheses, as in SqlBase.g4. */
export function parseValues(c: Cursor): Expression[] {
  c.expectOp('(');
  const values = c.isOp(')') ? [] : parseList(c, parseValueExpression);
  c.expectOp(')');
  return values;
}
