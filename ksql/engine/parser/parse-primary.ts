import type { Expression, Location, WhenClause } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression } from './parse-expression.ts';
import { parseFunctionCall } from './parse-function-call.ts';
import { isIdentifierToken, parseIdentifier, undefinedVariable } from './parse-identifier.ts';
import { tryParseLiteral } from './parse-literal.ts';
import { parseType } from './parse-type.ts';
import { nodeLocation, prepareError } from './prepare-error.ts';

/**
 * `primaryExpression` of SqlBase.g4 without its postfix forms (see parse-value-expression.ts):
 * literals, CASE, CAST, ARRAY[...], MAP(k := v), STRUCT(f := v), function calls, column
 * references (`col`, `src.col`; lambda parameters inside lambda bodies) and `( expression )`.
 */
export function parsePrimary(c: Cursor): Expression {
  const t = c.peek();
  const loc = c.loc(t);
  const literal = tryParseLiteral(c);
  if (literal) return literal;
  if (t.kind === 'variable') throw undefinedVariable(t, c.statementText, 'literal');
  if (t.kind === 'op' && t.value === '(') {
    c.next();
    const inner = parseExpression(c);
    c.expectOp(')');
    return inner;
  }
  if (c.acceptKeyword('CASE')) return parseCase(c, loc);
  if (c.acceptKeyword('CAST')) {
    c.expectOp('(');
    const operand = parseExpression(c);
    c.expectKeyword('AS');
    const type = parseType(c);
    c.expectOp(')');
    return { kind: 'Cast', operand, type, loc };
  }
  if (c.isKeyword('ARRAY') && c.isOp('[', 1)) {
    c.pos += 2;
    const elements = c.isOp(']') ? [] : parseList(c, parseExpression);
    c.expectOp(']');
    return { kind: 'CreateArray', elements, loc };
  }
  if (c.isKeyword('MAP') && c.isOp('(', 1)) {
    c.pos += 2;
    const entries = c.isOp(')')
      ? []
      : parseList(c, () => {
          const key = parseExpression(c);
          c.expectOp(':=');
          return { key, value: parseExpression(c) };
        });
    c.expectOp(')');
    return { kind: 'CreateMap', entries, loc };
  }
  if (c.isKeyword('STRUCT') && c.isOp('(', 1)) {
    c.pos += 2;
    const fields = c.isOp(')')
      ? []
      : parseList(c, () => {
          const name = parseIdentifier(c);
          c.expectOp(':=');
          return { name, value: parseExpression(c) };
        });
    c.expectOp(')');
    return { kind: 'CreateStruct', fields, loc };
  }
  if (!isIdentifierToken(t)) throw c.expected(['IDENTIFIER', 'STRING', 'INTEGER_VALUE', "'('"]);
  if (c.isOp('(', 1)) return parseFunctionCall(c);
  const first = parseIdentifier(c);
  if (c.peek().kind === 'string') return parseTypeConstructor(c, first.name, loc);
  if (c.isOp('.') && isIdentifierToken(c.peek(1))) {
    c.next();
    c.qualifiers.push({ name: first.name, loc });
    return { kind: 'ColumnRef', source: first, name: parseIdentifier(c), loc };
  }
  if (c.lambdaParams.includes(first.name)) return { kind: 'LambdaVariable', name: first.name, loc };
  return { kind: 'ColumnRef', name: first, loc };
}

/**
 * `identifier STRING` (typeConstructor): ksqlDB's AstBuilder accepts only DECIMAL, e.g.
 * `` `DECIMAL` '1.50' `` (DECIMAL itself is reserved, so it must be quoted).
 */
function parseTypeConstructor(c: Cursor, type: string, loc: Location): Expression {
  const value = c.next().value;
  if (type === 'DECIMAL' && /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value))
    return { kind: 'DecimalLiteral', text: value, loc };
  throw prepareError(`Unknown type: ${type}, location:Optional[${nodeLocation(loc)}]`, loc, c.statementText);
}

function parseCase(c: Cursor, loc: Location): Expression {
  const operand = c.isKeyword('WHEN') ? undefined : parseExpression(c);
  const whens: WhenClause[] = [];
  do {
    c.expectKeyword('WHEN');
    const when = parseExpression(c);
    c.expectKeyword('THEN');
    whens.push({ when, then: parseExpression(c) });
  } while (c.isKeyword('WHEN'));
  const elseExpr = c.acceptKeyword('ELSE') ? parseExpression(c) : undefined;
  c.expectKeyword('END');
  const tail = elseExpr === undefined ? {} : { else: elseExpr };
  return operand === undefined
    ? { kind: 'SearchedCase', whens, ...tail, loc }
    : { kind: 'SimpleCase', operand, whens, ...tail, loc };
}

/** item (',' item)* */
export function parseList<T>(c: Cursor, item: (c: Cursor) => T): T[] {
  const items = [item(c)];
  while (c.acceptOp(',')) items.push(item(c));
  return items;
}
