import type { ComparisonOperator, Expression } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseValueExpression } from './parse-value-expression.ts';
import { nodeLocation, prepareError } from './prepare-error.ts';

/**
 * `expression` / `booleanExpression` of SqlBase.g4: OR < AND < NOT < one optional predicate
 * (comparison, BETWEEN, IN, LIKE, IS [NOT] NULL, IS [NOT] DISTINCT FROM) on a value expression.
 */
export function parseExpression(c: Cursor): Expression {
  let left = parseAnd(c);
  while (c.isKeyword('OR')) {
    const loc = c.loc();
    c.next();
    left = { kind: 'LogicalBinary', operator: 'OR', left, right: parseAnd(c), loc };
  }
  return left;
}

function parseAnd(c: Cursor): Expression {
  let left = parseNot(c);
  while (c.isKeyword('AND')) {
    const loc = c.loc();
    c.next();
    left = { kind: 'LogicalBinary', operator: 'AND', left, right: parseNot(c), loc };
  }
  return left;
}

function parseNot(c: Cursor): Expression {
  if (c.isKeyword('NOT')) {
    const loc = c.loc();
    c.next();
    return { kind: 'Not', operand: parseNot(c), loc };
  }
  return parsePredicated(c);
}

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

function parsePredicated(c: Cursor): Expression {
  const value = parseValueExpression(c);
  const loc = value.loc;
  const t = c.peek();
  if (t.kind === 'op' && COMPARISONS.has(t.value)) {
    c.next();
    return {
      kind: 'Comparison',
      operator: t.value as ComparisonOperator,
      left: value,
      right: parseValueExpression(c),
      loc,
    };
  }
  if (c.isKeyword('IS')) {
    c.next();
    const negated = c.acceptKeyword('NOT');
    if (c.acceptKeyword('NULL')) return { kind: 'IsNull', negated, operand: value, loc };
    c.expectKeyword('DISTINCT');
    c.expectKeyword('FROM');
    const operator = negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM';
    return { kind: 'Comparison', operator, left: value, right: parseValueExpression(c), loc };
  }
  const negated = c.isKeyword('NOT') && ['BETWEEN', 'IN', 'LIKE'].some((k) => c.isKeyword(k, 1));
  if (negated) c.next();
  if (c.acceptKeyword('BETWEEN')) {
    const lower = parseValueExpression(c);
    c.expectKeyword('AND');
    return { kind: 'Between', negated, value, lower, upper: parseValueExpression(c), loc };
  }
  if (c.acceptKeyword('IN')) {
    c.expectOp('(');
    const list: Expression[] = [parseExpression(c)];
    while (c.acceptOp(',')) list.push(parseExpression(c));
    c.expectOp(')');
    return { kind: 'InList', negated, value, list, loc };
  }
  if (c.acceptKeyword('LIKE')) {
    const pattern = parseValueExpression(c);
    if (!c.acceptKeyword('ESCAPE')) return { kind: 'Like', negated, value, pattern, loc };
    const esc = c.peek();
    if (esc.kind !== 'string') throw c.expected(['STRING']);
    c.next();
    if (esc.value.length !== 1) {
      // AstBuilder.visitLike: the escape must be one character.
      throw prepareError(
        `${nodeLocation(esc)}: Expected single character escape but got: ${esc.value}`,
        esc,
        c.statementText,
      );
    }
    return { kind: 'Like', negated, value, pattern, escape: esc.value, loc };
  }
  return value;
}
