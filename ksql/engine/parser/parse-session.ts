import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';
import type { Token } from './token.ts';

/** `DEFINE name = 'value'` / `UNDEFINE name` (variable names are case-insensitive: upper-cased). */
export function parseDefine(c: Cursor, head: StatementHead): Statement {
  if (c.acceptKeyword('UNDEFINE')) return { kind: 'UndefineVariable', ...head, name: parseVariableName(c) };
  c.expectKeyword('DEFINE');
  const name = parseVariableName(c);
  c.expectOp('=');
  return { kind: 'DefineVariable', ...head, name, value: expectString(c) };
}

/**
 * `variableName: IDENTIFIER`; ksqlDB also accepts reserved words here (SyntaxErrorValidator
 * .isValidVariableName), so any unquoted word is taken.
 */
function parseVariableName(c: Cursor): string {
  const t = c.peek();
  if (t.kind === 'word') {
    c.next();
    return t.value;
  }
  return parseIdentifier(c).name.toUpperCase();
}

/** `SET 'name' = 'value'`, `UNSET 'name'`; `ALTER SYSTEM ...` and `ALTER STREAM|TABLE` are unsupported. */
export function parseSet(c: Cursor, head: StatementHead): Statement {
  if (c.acceptKeyword('UNSET')) return { kind: 'UnsetProperty', ...head, name: expectString(c) };
  c.expectKeyword('SET');
  const name = expectString(c);
  c.expectOp('=');
  return { kind: 'SetProperty', ...head, name, value: expectString(c) };
}

export function parseAlter(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('ALTER');
  if (c.isKeyword('SYSTEM')) return parseUnsupported(c, head, 'ALTER SYSTEM');
  if (c.isKeyword('STREAM')) return parseUnsupported(c, head, 'ALTER STREAM');
  if (c.isKeyword('TABLE')) return parseUnsupported(c, head, 'ALTER TABLE');
  throw c.expected(["'SYSTEM'", "'STREAM'", "'TABLE'"]);
}

/** `RUN SCRIPT 'path'` (SQL-test files). */
export function parseRunScript(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('RUN');
  c.expectKeyword('SCRIPT');
  return { kind: 'RunScript', ...head, path: expectString(c) };
}

export function expectString(c: Cursor): string {
  const t: Token = c.peek();
  if (t.kind !== 'string') throw c.expected(['STRING']);
  c.next();
  return t.value;
}
