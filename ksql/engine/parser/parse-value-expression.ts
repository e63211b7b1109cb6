import type { ArithmeticOperator, Expression } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { isNumberStart, parseNumberLiteral } from './parse-literal.ts';
import { parsePrimary } from './parse-primary.ts';

/**
 * `valueExpression` of SqlBase.g4, lowest precedence first: `||` (CONCAT) < `+ -` < `* / %` <
 * unary sign < postfix `[i]` and `->field` on a primary expression.
 */
export function parseValueExpression(c: Cursor): Expression {
  let left = parseAdditive(c);
  while (c.isOp('||')) {
    const loc = c.loc();
    c.next();
    // ksqlDB's AstBuilder.visitConcatenation builds CONCAT(left, right).
    left = { kind: 'FunctionCall', name: 'CONCAT', args: [left, parseAdditive(c)], star: false, loc };
  }
  return left;
}

function parseAdditive(c: Cursor): Expression {
  let left = parseMultiplicative(c);
  while (c.isOp('+') || c.isOp('-')) {
    const operator = c.next().value as ArithmeticOperator;
    left = { kind: 'ArithmeticBinary', operator, left, right: parseMultiplicative(c), loc: left.loc };
  }
  return left;
}

function parseMultiplicative(c: Cursor): Expression {
  let left = parseUnary(c);
  while (c.isOp('*') || c.isOp('/') || c.isOp('%')) {
    const operator = c.next().value as ArithmeticOperator;
    left = { kind: 'ArithmeticBinary', operator, left, right: parseUnary(c), loc: left.loc };
  }
  return left;
}

function parseUnary(c: Cursor): Expression {
  // `-5` is a negative literal (grammar rule `number`), not a unary minus: see parse-literal.ts.
  if (isNumberStart(c)) return parsePostfix(c, parseNumberLiteral(c));
  if (c.isOp('-') || c.isOp('+')) {
    const loc = c.loc();
    const sign = c.next().value as '+' | '-';
    return { kind: 'ArithmeticUnary', sign, operand: parseUnary(c), loc };
  }
  return parsePostfix(c, parsePrimary(c));
}

/** Postfix `base[index]` (subscript) and `base->field` (dereference). */
function parsePostfix(c: Cursor, base: Expression): Expression {
  let expr = base;
  for (;;) {
    if (c.acceptOp('[')) {
      const index = parseValueExpression(c);
      c.expectOp(']');
      expr = { kind: 'Subscript', base: expr, index, loc: base.loc };
    } else if (c.isOp('->') && !c.isOp('*', 1)) {
      c.next();
      expr = { kind: 'Dereference', base: expr, field: parseIdentifier(c), loc: base.loc };
    } else {
      return expr;
    }
  }
}
