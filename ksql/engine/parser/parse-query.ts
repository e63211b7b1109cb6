import { KsqlParseError } from '../errors.ts';
import type { Expression, Identifier, Query, SelectItem } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression } from './parse-expression.ts';
import { isIdentifierToken, parseIdentifier } from './parse-identifier.ts';
import { parseIntegerNumber } from './parse-literal.ts';
import { parseList } from './parse-primary.ts';
import { parseRelation } from './parse-relation.ts';
import { parseValueExpression } from './parse-value-expression.ts';
import { parseWindow } from './parse-window.ts';

/**
 * `query`: SELECT items FROM relation [WINDOW w] [WHERE e] [GROUP BY ...] [PARTITION BY ...]
 * [HAVING e] [EMIT CHANGES|FINAL] [LIMIT n], in that order (SqlBase.g4).
 */
export function parseQuery(c: Cursor): Query {
  const loc = c.loc();
  c.expectKeyword('SELECT');
  const select = parseList(c, parseSelectItem);
  c.expectKeyword('FROM');
  const from = parseRelation(c);
  const window = c.acceptKeyword('WINDOW') ? parseWindow(c) : undefined;
  const where = c.acceptKeyword('WHERE') ? parseExpression(c) : undefined;
  const groupBy = c.isKeyword('GROUP') ? parseGrouping(c, 'GROUP') : undefined;
  const partitionBy = c.isKeyword('PARTITION') ? parseGrouping(c, 'PARTITION') : undefined;
  const having = c.acceptKeyword('HAVING') ? parseExpression(c) : undefined;
  let emit: 'CHANGES' | 'FINAL' | undefined;
  if (c.acceptKeyword('EMIT')) {
    if (c.acceptKeyword('CHANGES')) emit = 'CHANGES';
    else if (c.acceptKeyword('FINAL')) emit = 'FINAL';
    else throw c.expected(["'CHANGES'", "'FINAL'"]);
  }
  const limit = c.acceptKeyword('LIMIT') ? parseIntegerNumber(c, 'LIMIT') : undefined;
  return {
    kind: 'Query',
    loc,
    select,
    from,
    ...(window ? { window } : {}),
    ...(where ? { where } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(partitionBy ? { partitionBy } : {}),
    ...(having ? { having } : {}),
    ...(emit ? { emit } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** `*`, `source.*`, or `expression [[AS] alias]`. */
function parseSelectItem(c: Cursor): SelectItem {
  const loc = c.loc();
  if (c.acceptOp('*')) return { kind: 'AllColumns', loc };
  if (isIdentifierToken(c.peek()) && c.isOp('.', 1) && c.isOp('*', 2)) {
    const source = parseIdentifier(c);
    c.qualifiers.push({ name: source.name, loc });
    c.pos += 2;
    return { kind: 'AllColumns', source, loc };
  }
  const expression = parseExpression(c);
  let alias: Identifier | undefined;
  if (c.acceptKeyword('AS')) alias = parseIdentifier(c);
  else if (isIdentifierToken(c.peek())) alias = parseIdentifier(c);
  return { kind: 'SingleColumn', expression, ...(alias ? { alias } : {}), loc };
}

/**
 * `groupBy` / `partitionBy`: `e, e, ...` or `( [e, ...] )`. A leading parenthesis is read as the
 * list form only if that form ends the clause; otherwise it is a parenthesized expression
 * (`PARTITION BY (NAME IS NULL)`), as ANTLR's prediction does.
 */
function parseGrouping(c: Cursor, clause: 'GROUP' | 'PARTITION'): Expression[] {
  c.expectKeyword(clause);
  c.expectKeyword('BY');
  if (c.isOp('(')) {
    const start = c.pos;
    try {
      c.next();
      const list = c.isOp(')') ? [] : parseList(c, parseValueExpression);
      c.expectOp(')');
      if (endsGrouping(c)) return list;
    } catch (e) {
      if (!(e instanceof KsqlParseError)) throw e;
    }
    c.pos = start;
  }
  return parseList(c, parseValueExpression);
}

function endsGrouping(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind === 'eof' || (t.kind === 'op' && t.value === ';')) return true;
  return ['PARTITION', 'HAVING', 'EMIT', 'LIMIT'].some((k) => c.isKeyword(k));
}
