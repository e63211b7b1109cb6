import type { ShowList, Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier, parseSourceName } from './parse-identifier.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';

const LISTABLE: readonly ShowList['what'][] = [
  'STREAMS',
  'TABLES',
  'QUERIES',
  'TOPICS',
  'PROPERTIES',
  'VARIABLES',
  'FUNCTIONS',
];

/** `(LIST | SHOW) STREAMS|TABLES|QUERIES|[ALL] TOPICS [EXTENDED]` and `PROPERTIES|VARIABLES|FUNCTIONS`. */
export function parseShow(c: Cursor, head: StatementHead): Statement {
  c.next(); // LIST | SHOW
  if (c.isKeyword('CONNECTORS') || c.isKeyword('CONNECTORS', 1) || c.isKeyword('CONNECTOR')) {
    return parseUnsupported(c, head, 'SHOW CONNECTORS');
  }
  if (c.isKeyword('TYPES')) return parseUnsupported(c, head, 'SHOW TYPES');
  const all = c.isKeyword('ALL') && c.isKeyword('TOPICS', 1);
  if (all) c.next();
  const what = LISTABLE.find((w) => c.isKeyword(w));
  if (what === undefined) throw c.expected(LISTABLE.map((w) => `'${w}'`));
  c.next();
  // SqlBase.g4: only STREAMS, TABLES, QUERIES and TOPICS take EXTENDED.
  const extended = ['STREAMS', 'TABLES', 'QUERIES', 'TOPICS'].includes(what) && c.acceptKeyword('EXTENDED');
  return { kind: 'ShowList', ...head, what, extended, ...(all ? { all } : {}) };
}

/** `DESCRIBE name [EXTENDED]`, `DESCRIBE STREAMS|TABLES [EXTENDED]`, `DESCRIBE FUNCTION name`. */
export function parseDescribe(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('DESCRIBE');
  if (c.isKeyword('CONNECTOR') && !isEnd(c, 1) && !c.isKeyword('EXTENDED', 1)) {
    return parseUnsupported(c, head, 'DESCRIBE CONNECTOR');
  }
  if ((c.isKeyword('STREAMS') || c.isKeyword('TABLES')) && (isEnd(c, 1) || c.isKeyword('EXTENDED', 1))) {
    const what = c.next().value as 'STREAMS' | 'TABLES';
    const extended = c.acceptKeyword('EXTENDED');
    return { kind: 'Describe', ...head, target: { kind: 'AllSources', what }, extended };
  }
  if (c.isKeyword('FUNCTION') && !isEnd(c, 1) && !c.isKeyword('EXTENDED', 1)) {
    c.next();
    const name = parseIdentifier(c).name.toUpperCase();
    return { kind: 'Describe', ...head, target: { kind: 'Function', name }, extended: false };
  }
  const name = parseSourceName(c);
  const extended = c.acceptKeyword('EXTENDED');
  return { kind: 'Describe', ...head, target: { kind: 'Source', name }, extended };
}

function isEnd(c: Cursor, offset: number): boolean {
  return c.peek(offset).kind === 'eof' || c.isOp(';', offset);
}
