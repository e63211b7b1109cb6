import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseAssert } from './parse-assert.ts';
import { parseCreate } from './parse-create.ts';
import { parseDrop } from './parse-drop.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { parseInsert } from './parse-insert.ts';
import { parseQuery } from './parse-query.ts';
import { parseAlter, parseDefine, parseRunScript, parseSet } from './parse-session.ts';
import { parseDescribe, parseShow } from './parse-show.ts';
import { parseTerminate } from './parse-terminate.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';

const STATEMENT_STARTS = [
  "'SELECT'",
  "'CREATE'",
  "'INSERT'",
  "'DROP'",
  "'SHOW'",
  "'LIST'",
  "'DESCRIBE'",
  "'EXPLAIN'",
  "'TERMINATE'",
  "'SET'",
  "'UNSET'",
  "'DEFINE'",
  "'UNDEFINE'",
  "'ALTER'",
  "'PRINT'",
  "'ASSERT'",
  "'RUN'",
];

/** `statement` (and the SQL-test `assertStatement` / `runScript`), dispatched on its first keyword. */
export function parseStatementBody(c: Cursor, head: StatementHead): Statement {
  const t = c.peek();
  if (t.kind !== 'word') throw c.expected(STATEMENT_STARTS);
  switch (t.value) {
    case 'SELECT':
      return { kind: 'QueryStatement', ...head, query: parseQuery(c) };
    case 'CREATE':
      return parseCreate(c, head);
    case 'INSERT':
      return parseInsert(c, head);
    case 'DROP':
      return parseDrop(c, head);
    case 'SHOW':
    case 'LIST':
      return parseShow(c, head);
    case 'DESCRIBE':
      return parseDescribe(c, head);
    case 'EXPLAIN':
      return parseExplain(c, head);
    case 'TERMINATE':
      return parseTerminate(c, head);
    case 'SET':
    case 'UNSET':
      return parseSet(c, head);
    case 'DEFINE':
    case 'UNDEFINE':
      return parseDefine(c, head);
    case 'ALTER':
      return parseAlter(c, head);
    case 'ASSERT':
      return parseAssert(c, head);
    case 'RUN':
      return parseRunScript(c, head);
    case 'PRINT':
      return parseUnsupported(c, head, 'PRINT');
    case 'PAUSE':
      return parseUnsupported(c, head, 'PAUSE');
    case 'RESUME':
      return parseUnsupported(c, head, 'RESUME');
    default:
      throw c.expected(STATEMENT_STARTS);
  }
}

/** `EXPLAIN statement` | `EXPLAIN query_id`. */
function parseExplain(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('EXPLAIN');
  const t = c.peek();
  const isIdOnly = c.peek(1).kind === 'eof' || c.isOp(';', 1);
  if (isIdOnly && !(t.kind === 'word' && t.value === 'SELECT')) {
    return {
      kind: 'Explain',
      ...head,
      target: { kind: 'QueryId', queryId: parseIdentifier(c).name.toUpperCase() },
    };
  }
  const inner: StatementHead = { loc: c.loc(), text: head.text.slice(t.start) };
  return { kind: 'Explain', ...head, target: { kind: 'Statement', statement: parseStatementBody(c, inner) } };
}
