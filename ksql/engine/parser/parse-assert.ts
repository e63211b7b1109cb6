import type { Statement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseSourceName } from './parse-identifier.ts';
import { parseColumns, parseValues } from './parse-insert.ts';
import { parseOptionalWith } from './parse-properties.ts';
import { parseTableElements } from './parse-table-elements.ts';
import { parseUnsupported } from './parse-unsupported.ts';
import type { StatementHead } from './statement-base.ts';

/**
 * SQL-test `assertStatement` (ASSERT VALUES, ASSERT NULL VALUES ... KEY, ASSERT STREAM|TABLE);
 * ASSERT [NOT EXISTS] TOPIC|SCHEMA of the server grammar is unsupported.
 */
export function parseAssert(c: Cursor, head: StatementHead): Statement {
  c.expectKeyword('ASSERT');
  if (c.acceptKeyword('VALUES')) {
    const source = parseSourceName(c);
    const columns = c.isOp('(') ? parseColumns(c) : undefined;
    c.expectKeyword('VALUES');
    return { kind: 'AssertValues', ...head, source, ...(columns ? { columns } : {}), values: parseValues(c) };
  }
  if (c.acceptKeyword('NULL')) {
    c.expectKeyword('VALUES');
    const source = parseSourceName(c);
    const columns = c.isOp('(') ? parseColumns(c) : undefined;
    c.expectKeyword('KEY');
    return {
      kind: 'AssertTombstone',
      ...head,
      source,
      ...(columns ? { columns } : {}),
      keys: parseValues(c),
    };
  }
  if (c.isKeyword('STREAM') || c.isKeyword('TABLE')) {
    const sourceType = c.next().value as 'STREAM' | 'TABLE';
    const name = parseSourceName(c);
    const elements = c.isOp('(') ? parseTableElements(c) : [];
    return { kind: 'AssertSource', ...head, sourceType, name, elements, properties: parseOptionalWith(c) };
  }
  if (
    c.isKeyword('TOPIC') ||
    (c.isKeyword('NOT', 0) && c.isKeyword('EXISTS', 1) && c.isKeyword('TOPIC', 2))
  ) {
    return parseUnsupported(c, head, 'ASSERT TOPIC');
  }
  if (
    c.isKeyword('SCHEMA') ||
    (c.isKeyword('NOT', 0) && c.isKeyword('EXISTS', 1) && c.isKeyword('SCHEMA', 2))
  ) {
    return parseUnsupported(c, head, 'ASSERT SCHEMA');
  }
  throw c.expected(["'VALUES'", "'NULL'", "'STREAM'", "'TABLE'", "'TOPIC'", "'SCHEMA'"]);
}
