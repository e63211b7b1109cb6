import type { Expression, TimeUnit } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression } from './parse-expression.ts';
import { isIdentifierToken, parseIdentifier } from './parse-identifier.ts';
import { isReserved } from './keywords.ts';

/** Time unit keywords (`windowUnit`), singular normalised to plural. */
export const TIME_UNITS: Readonly<Record<string, TimeUnit>> = {
  MILLISECOND: 'MILLISECONDS',
  MILLISECONDS: 'MILLISECONDS',
  SECOND: 'SECONDS',
  SECONDS: 'SECONDS',
  MINUTE: 'MINUTES',
  MINUTES: 'MINUTES',
  HOUR: 'HOURS',
  HOURS: 'HOURS',
  DAY: 'DAYS',
  DAYS: 'DAYS',
};

/**
 * `identifier '(' '*' ')'` and `identifier '(' (functionArgument, ...)* (lambda, ...)* ')'`.
 * A functionArgument is an expression or a bare time unit (`TIMESTAMPADD(SECONDS, 5, ts)`);
 * DAY/HOUR/MINUTE/SECOND are also non-reserved identifiers, and ANTLR reads them as columns.
 */
export function parseFunctionCall(c: Cursor): Expression {
  const loc = c.loc();
  const name = parseIdentifier(c).name.toUpperCase();
  c.expectOp('(');
  if (c.isOp('*') && c.isOp(')', 1)) {
    c.pos += 2;
    return { kind: 'FunctionCall', name, args: [], star: true, loc };
  }
  const args: Expression[] = [];
  if (!c.isOp(')')) {
    do args.push(parseArgument(c));
    while (c.acceptOp(','));
  }
  c.expectOp(')');
  return { kind: 'FunctionCall', name, args, star: false, loc };
}

function parseArgument(c: Cursor): Expression {
  const t = c.peek();
  const loc = c.loc(t);
  const unit = t.kind === 'word' ? TIME_UNITS[t.value] : undefined;
  if (unit !== undefined && isReserved(t.value) && (c.isOp(',', 1) || c.isOp(')', 1))) {
    c.next();
    return { kind: 'IntervalUnit', unit, loc };
  }
  const lambda = tryParseLambda(c);
  return lambda ?? parseExpression(c);
}

/** `x => body` or `(x, y) => body`; parameters are in scope as LambdaVariable in the body. */
function tryParseLambda(c: Cursor): Expression | undefined {
  const loc = c.loc();
  const start = c.pos;
  const params: string[] = [];
  if (isIdentifierToken(c.peek()) && c.isOp('=>', 1)) {
    params.push(parseIdentifier(c).name);
  } else if (c.isOp('(')) {
    c.next();
    while (isIdentifierToken(c.peek())) {
      params.push(parseIdentifier(c).name);
      if (!c.acceptOp(',')) break;
    }
    if (!c.acceptOp(')') || !c.isOp('=>') || params.length === 0) {
      c.pos = start;
      return undefined;
    }
  } else {
    return undefined;
  }
  c.expectOp('=>');
  c.lambdaParams.push(...params);
  try {
    return { kind: 'Lambda', params, body: parseExpression(c), loc };
  } finally {
    c.lambdaParams.splice(c.lambdaParams.length - params.length, params.length);
  }
}
