import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseSourceName } from './parse-identifier.ts';
import { parseOptionalWith } from './parse-properties.ts';
import { parseQuery } from './parse-query.ts';
import { parseTableElements } from './parse-table-elements.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';
import { validateCreateSource } from './validate-create-source.ts';

/**
 * After CREATE: `[OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name [(elements)] [WITH (...)]`
 * or `[OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS query`; CREATE TYPE and
 * CREATE SINK|SOURCE CONNECTOR are unsupported.
 */
export function parseCreate(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('CREATE');
  if (c.isKeyword('TYPE')) return parseUnsupported(c, head, 'CREATE TYPE');
  if ((c.isKeyword('SINK') || c.isKeyword('SOURCE')) && c.isKeyword('CONNECTOR', 1)) {
    return parseUnsupported(c, head, 'CREATE CONNECTOR');
  }
  const orReplace = c.acceptKeyword('OR');
  if (orReplace) c.expectKeyword('REPLACE');
  const isSource = c.acceptKeyword('SOURCE');
  let sourceType: 'STREAM' | 'TABLE';
  if (c.acceptKeyword('STREAM')) sourceType = 'STREAM';
  else if (c.acceptKeyword('TABLE')) sourceType = 'TABLE';
  else throw c.expected(["'STREAM'", "'TABLE'"]);
  const ifNotExists = c.acceptKeyword('IF');
  if (ifNotExists) {
    c.expectKeyword('NOT');
    c.expectKeyword('EXISTS');
  }
  const name = parseSourceName(c);
  const elements = c.isOp('(') ? parseTableElements(c) : undefined;
  const properties = parseOptionalWith(c);
  if (!isSource && elements === undefined && c.acceptKeyword('AS')) {
    const query = parseQuery(c);
    return { kind: 'CreateAsSelect', ...head, sourceType, name, orReplace, ifNotExists, properties, query };
  }
  const statement: Statement = {
    kind: 'CreateSource',
    ...head,
    sourceType,
    name,
    orReplace,
    ifNotExists,
    isSource,
    elements: elements ?? [],
    properties,
  };
  validateCreateSource(statement);
  return statement;
}
