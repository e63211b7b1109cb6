/**
 * The ksqlDB-dialect parser: SQL text → typed AST (ast.ts). Executes nothing. See README.md of
 * the engine for the contracts; the grammar is ksqlDB's SqlBase.g4.
 */
import type { Expression, Statement, TableElement, TypeSyntax } from './ast.ts';
import { Cursor } from './cursor.ts';
import { tokenize } from './lexer.ts';
import { parseExpression as parseExpressionAt } from './parse-expression.ts';
import { parseStatementSource } from './parse-source.ts';
import { parseTableElement } from './parse-table-elements.ts';
import { parseType as parseTypeAt } from './parse-type.ts';
import { parseList } from './parse-primary.ts';
import { splitStatements } from './split-statements.ts';
import { substituteVariables } from './variables.ts';

export { splitStatements, type StatementSource } from './split-statements.ts';
/**
 * Parses one statement from `splitStatements`, reporting positions in the enclosing script
 * (QTT messages such as "line 2:40" count lines of the whole case). Substitute variables into
 * `source.text` first if needed: `parseStatementSource({ ...source, text })`.
 */
export { parseStatementSource } from './parse-source.ts';
export { substituteVariables } from './variables.ts';
export { tokenize } from './lexer.ts';
export { printStatement } from './printer/print-statement.ts';
export { printExpression } from './printer/print-expression.ts';
export { printType } from './printer/print-type.ts';

export interface ParseOptions {
  /**
   * Variables defined before the script (names case-insensitive). `${name}` references are
   * substituted per statement with the variables defined so far; DEFINE/UNDEFINE statements in
   * the script update them, as ksqlDB does for a request or CLI session. Default: none.
   */
  readonly variables?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** `ksql.variable.substitution.enable`; default true. */
  readonly substitute?: boolean;
}

/** Parses every statement of a script (`;`-terminated statements). */
export function parseStatements(sql: string, options: ParseOptions = {}): Statement[] {
  const substitute = options.substitute ?? true;
  const variables = new Map<string, string>();
  const initial = options.variables ?? {};
  for (const [k, v] of initial instanceof Map ? initial : Object.entries(initial))
    variables.set(k.toUpperCase(), v);
  return splitStatements(sql).map((source) => {
    const text = substitute && variables.size > 0 ? substituteVariables(source.text, variables) : source.text;
    const statement = parseStatementSource({ ...source, text });
    if (statement.kind === 'DefineVariable') variables.set(statement.name, statement.value);
    if (statement.kind === 'UndefineVariable') variables.delete(statement.name);
    return statement;
  });
}

/** Parses exactly one statement (the trailing `;` is optional). */
export function parseStatement(sql: string, options: ParseOptions = {}): Statement {
  const statements = parseStatements(sql, options);
  const [only] = statements;
  if (statements.length !== 1 || only === undefined) {
    const c = new Cursor(tokenize(sql), sql);
    throw c.error(`expected exactly one statement, found ${statements.length}`);
  }
  return only;
}

function parseWhole<T>(text: string, parse: (c: Cursor) => T): T {
  const c = new Cursor(tokenize(text), text);
  const result = parse(c);
  if (c.peek().kind !== 'eof') throw c.expected(['<EOF>']);
  return result;
}

/** Parses a standalone expression (`singleExpression`). */
export function parseExpression(text: string): Expression {
  return parseWhole(text, parseExpressionAt);
}

/** Parses a type, e.g. `DECIMAL(4, 2)` or `STRUCT<A INT, \`b\` ARRAY<STRING>>`. */
export function parseType(text: string): TypeSyntax {
  return parseWhole(text, parseTypeAt);
}

/**
 * Parses a comma-separated list of table elements without parentheses, e.g. the QTT
 * post-condition schema "ID BIGINT KEY, `Foo` STRING". An empty string is an empty list.
 */
export function parseTableElements(text: string): TableElement[] {
  if (text.trim() === '') return [];
  return parseWhole(text, (c) => parseList(c, parseTableElement));
}
