import type { Literal, Location } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { prepareError } from './prepare-error.ts';
import type { Token } from './token.ts';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** True if the current token starts a `number` (MINUS? DECIMAL|FLOAT|INTEGER). */
export function isNumberStart(c: Cursor): boolean {
  const k = c.peek().kind;
  if (k === 'integer' || k === 'decimal' || k === 'double') return true;
  if (!c.isOp('-')) return false;
  const n = c.peek(1).kind;
  return n === 'integer' || n === 'decimal' || n === 'double';
}

/**
 * `number`: a numeric literal with its optional minus sign kept in `text`, like ksqlDB's grammar
 * (`-9223372036854775808` is a valid BIGINT literal). Out-of-range literals fail at parse time
 * as in ksqlDB's AstBuilder (literals.json "BIGINT literal positive overflow": "Failed to prepare
 * statement: line 2:40: Invalid numeric literal: 9223372036854775808"; ksqlDB reports the
 * column one past the literal's 1-based column there, reproduced here).
 */
export function parseNumberLiteral(c: Cursor): Literal {
  const first = c.peek();
  const negative = c.acceptOp('-');
  const t = c.next();
  const text = (negative ? '-' : '') + t.value;
  const loc: Location = { line: first.line, column: first.column };
  if (t.kind === 'integer') {
    const v = BigInt(text);
    if (v < LONG_MIN || v > LONG_MAX)
      throw literalError(`Invalid numeric literal: ${text}`, first, c.statementText);
    return { kind: 'IntegerLiteral', text, loc };
  }
  if (t.kind === 'double') {
    if (!Number.isFinite(Number(text)))
      throw literalError(`Number overflows DOUBLE: ${text}`, first, c.statementText);
    return { kind: 'DoubleLiteral', text, loc };
  }
  if (t.kind === 'decimal') return { kind: 'DecimalLiteral', text, loc };
  throw c.expected(['INTEGER_VALUE', 'DECIMAL_VALUE', 'FLOATING_POINT_VALUE'], t);
}

/** ksqlDB's ParsingException adds 1 to the already 1-based column here: reproduced. */
function literalError(message: string, at: Token, statementText: string): Error {
  return prepareError(`line ${at.line}:${at.column + 1}: ${message}`, at, statementText);
}

/** `literal`: NULL | number | TRUE | FALSE | STRING. Returns undefined if none starts here. */
export function tryParseLiteral(c: Cursor): Literal | undefined {
  const t = c.peek();
  const loc = c.loc(t);
  if (isNumberStart(c)) return parseNumberLiteral(c);
  if (t.kind === 'string') {
    c.next();
    return { kind: 'StringLiteral', value: t.value, loc };
  }
  if (t.kind !== 'word') return undefined;
  if (t.value === 'NULL') {
    c.next();
    return { kind: 'NullLiteral', loc };
  }
  if (t.value === 'TRUE' || t.value === 'FALSE') {
    c.next();
    return { kind: 'BooleanLiteral', value: t.value === 'TRUE', loc };
  }
  return undefined;
}

/** `literal` where one is required (WITH property values). */
export function parseLiteral(c: Cursor): Literal {
  const lit = tryParseLiteral(c);
  if (lit === undefined)
    throw c.expected(['NULL', 'TRUE', 'FALSE', 'STRING', 'INTEGER_VALUE', 'DECIMAL_VALUE']);
  return lit;
}

/**
 * Integer value of a `number` used as a count or size. ksqlDB reads LIMIT / PRINT INTERVAL with
 * processIntegerNumber ("Value must be integer for command: LIMIT") and durations with
 * Long.parseLong (`For input string: "1.5"`), both while building the AST.
 */
export function parseIntegerNumber(c: Cursor, command?: string): number {
  const t = c.peek();
  const lit = parseNumberLiteral(c);
  if (lit.kind === 'IntegerLiteral') return Number(lit.text);
  const text = lit.kind === 'DecimalLiteral' || lit.kind === 'DoubleLiteral' ? lit.text : t.text;
  const message = command ? `Value must be integer for command: ${command}` : `For input string: "${text}"`;
  throw prepareError(message, t, c.statementText);
}
