import type { Statement } from './ast.ts';
import { Cursor } from './cursor.ts';
import { tokenize } from './lexer.ts';
import { parseStatementBody } from './parse-statement.ts';
import { prepareError } from './prepare-error.ts';
import type { StatementSource } from './split-statements.ts';

/**
 * Parses one statement split from a script; positions are those of the script. The whole
 * statement must be consumed: a stray token is a syntax error (group-by.json "complex
 * expressions": `GROUP BY DATA AND ID`).
 */
export function parseStatementSource(source: StatementSource): Statement {
  const statementText = source.text + (source.terminated ? ';' : '');
  const tokens = tokenize(source.text, { line: source.line, column: source.column }, statementText);
  const c = new Cursor(tokens, statementText);
  const first = c.peek();
  const statement = parseStatementBody(c, {
    loc: { line: first.line, column: first.column },
    text: source.text,
  });
  if (c.peek().kind !== 'eof') throw c.expected(["';'"]);
  // AstBuilder.throwOnUnknownNameOrAlias (elements.json "non-join select star with unknown qualifier").
  const unknown = c.qualifiers.find((q) => !c.sourceNames.has(q.name));
  if (unknown)
    throw prepareError(
      `'${unknown.name}' is not a valid stream/table name or alias.`,
      unknown.loc,
      c.statementText,
    );
  return statement;
}
