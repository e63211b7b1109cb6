import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import type { StatementHead } from './statement-base.ts';

/** `TERMINATE ALL` | `TERMINATE query_id` (query ids are upper-cased). */
export function parseTerminate(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('TERMINATE');
  if (c.acceptKeyword('ALL')) return { kind: 'Terminate', ...head, queryId: 'ALL' };
  return { kind: 'Terminate', ...head, queryId: parseIdentifier(c).name.toUpperCase() };
}
