import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseSourceName } from './parse-identifier.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';

/** `DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]`; DROP CONNECTOR / DROP TYPE are unsupported. */
export function parseDrop(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('DROP');
  if (c.isKeyword('CONNECTOR')) return parseUnsupported(c, head, 'DROP CONNECTOR');
  if (c.isKeyword('TYPE')) return parseUnsupported(c, head, 'DROP TYPE');
  let sourceType: 'STREAM' | 'TABLE';
  if (c.acceptKeyword('STREAM')) sourceType = 'STREAM';
  else if (c.acceptKeyword('TABLE')) sourceType = 'TABLE';
  else throw c.expected(["'STREAM'", "'TABLE'", "'CONNECTOR'", "'TYPE'"]);
  const ifExists = c.acceptKeyword('IF');
  if (ifExists) c.expectKeyword('EXISTS');
  const name = parseSourceName(c);
  const deleteTopic = c.acceptKeyword('DELETE');
  if (deleteTopic) c.expectKeyword('TOPIC');
  return { kind: 'DropSource', ...head, sourceType, name, ifExists, deleteTopic };
}
