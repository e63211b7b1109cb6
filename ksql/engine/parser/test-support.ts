import { expect } from 'vitest';
import type { Statement } from './ast.ts';
import { parseExpression, parseStatement, printExpression, printStatement } from './index.ts';

const NUMERIC_LITERALS: ReadonlySet<unknown> = new Set(['IntegerLiteral', 'DecimalLiteral', 'DoubleLiteral']);

/**
 * Strips `loc`, and statements' `text`, from an AST so trees parsed from different spellings
 * compare equal (numeric literals keep their `text`: it is their value).
 */
export function stripLocations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripLocations);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const isLiteral = NUMERIC_LITERALS.has((node as { kind?: unknown }).kind);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'loc' || (k === 'text' && !isLiteral)) continue;
    out[k] = stripLocations(v);
  }
  return out;
}

/** Parses each spelling; all must give the same tree, which must survive print → parse. */
export function sameStatement(...spellings: string[]): Statement {
  const [first, ...rest] = spellings.map((s) => parseStatement(s));
  if (first === undefined) throw new Error('no spelling given');
  for (const other of rest) expect(stripLocations(other)).toEqual(stripLocations(first));
  expect(stripLocations(parseStatement(printStatement(first)))).toEqual(stripLocations(first));
  return first;
}

/** Same for expressions. Returns the tree without locations. */
export function sameExpression(...spellings: string[]): unknown {
  const [first, ...rest] = spellings.map((s) => parseExpression(s));
  if (first === undefined) throw new Error('no spelling given');
  for (const other of rest) expect(stripLocations(other)).toEqual(stripLocations(first));
  expect(stripLocations(parseExpression(printExpression(first)))).toEqual(stripLocations(first));
  return stripLocations(first);
}

/** Shorthands for expected trees (without locations). */
export const col = (name: string, source?: string): unknown => ({
  kind: 'ColumnRef',
  ...(source === undefined ? {} : { source: { name: source, quoted: false } }),
  name: { name, quoted: false },
});
export const int = (text: string): unknown => ({ kind: 'IntegerLiteral', text });
export const str = (value: string): unknown => ({ kind: 'StringLiteral', value });
export const bin = (operator: string, left: unknown, right: unknown): unknown => ({
  kind: 'ArithmeticBinary',
  operator,
  left,
  right,
});
export const cmp = (operator: string, left: unknown, right: unknown): unknown => ({
  kind: 'Comparison',
  operator,
  left,
  right,
});
export const logic = (operator: 'AND' | 'OR', left: unknown, right: unknown): unknown => ({
  kind: 'LogicalBinary',
  operator,
  left,
  right,
});
