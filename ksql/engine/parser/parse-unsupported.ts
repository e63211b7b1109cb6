import { assertNever } from '../../../common/assert-never.ts';
import type { Unsupported } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { parseIntegerNumber, parseLiteral } from './parse-literal.ts';
import { parseList } from './parse-primary.ts';
import { parseProperties } from './parse-properties.ts';
import { parseType } from './parse-type.ts';
import { parseDuration } from './parse-window.ts';
import type { StatementHead } from './statement-base.ts';

/** Statements of SqlBase.g4 the engine does not model. */
export type UnsupportedFeature =
  | 'CREATE TYPE'
  | 'CREATE CONNECTOR'
  | 'DROP CONNECTOR'
  | 'DROP TYPE'
  | 'ALTER STREAM'
  | 'ALTER TABLE'
  | 'ALTER SYSTEM'
  | 'PRINT'
  | 'PAUSE'
  | 'RESUME'
  | 'ASSERT TOPIC'
  | 'ASSERT SCHEMA'
  | 'SHOW CONNECTORS'
  | 'SHOW TYPES'
  | 'DESCRIBE CONNECTOR';

/**
 * Parses such a statement by the grammar (so syntax errors are still reported) and returns it as
 * `Unsupported`; the planner rejects it by `feature`, it is never silently ignored. The cursor
 * stands after the keyword(s) the dispatcher already read (CREATE, DROP, ALTER, SHOW, ...).
 */
export function parseUnsupported(c: Cursor, head: StatementHead, feature: UnsupportedFeature): Unsupported {
  checkSyntax(c, feature);
  return { kind: 'Unsupported', ...head, feature };
}

function checkSyntax(c: Cursor, feature: UnsupportedFeature): void {
  switch (feature) {
    case 'CREATE TYPE': // CREATE TYPE [IF NOT EXISTS] name AS type
      c.expectKeyword('TYPE');
      ifExists(c, true);
      parseIdentifier(c);
      c.expectKeyword('AS');
      parseType(c);
      return;
    case 'CREATE CONNECTOR': // CREATE SINK|SOURCE CONNECTOR [IF NOT EXISTS] name WITH (...)
      c.next();
      c.expectKeyword('CONNECTOR');
      ifExists(c, true);
      parseIdentifier(c);
      c.expectKeyword('WITH');
      parseProperties(c);
      return;
    case 'DROP CONNECTOR': // DROP CONNECTOR [IF EXISTS] name
    case 'DROP TYPE': // DROP TYPE [IF EXISTS] name
      c.next();
      ifExists(c, false);
      parseIdentifier(c);
      return;
    case 'ALTER STREAM':
    case 'ALTER TABLE': // ALTER STREAM|TABLE name ADD [COLUMN] name type, ...
      c.next();
      parseIdentifier(c);
      parseList(c, () => {
        c.expectKeyword('ADD');
        c.acceptKeyword('COLUMN');
        parseIdentifier(c);
        parseType(c);
      });
      return;
    case 'ALTER SYSTEM': // ALTER SYSTEM 'name' = 'value'
      c.expectKeyword('SYSTEM');
      resourceName(c, true);
      c.expectOp('=');
      resourceName(c, true);
      return;
    case 'PRINT': // PRINT topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n]
      c.expectKeyword('PRINT');
      resourceName(c, false);
      if (c.acceptKeyword('FROM')) c.expectKeyword('BEGINNING');
      if (c.acceptKeyword('INTERVAL') || c.acceptKeyword('SAMPLE')) parseIntegerNumber(c, 'INTERVAL');
      if (c.acceptKeyword('LIMIT')) parseIntegerNumber(c, 'LIMIT');
      return;
    case 'PAUSE':
    case 'RESUME': // PAUSE|RESUME query_id|ALL
      c.next();
      if (!c.acceptKeyword('ALL')) parseIdentifier(c);
      return;
    case 'ASSERT TOPIC': // ASSERT [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT n unit]
      notExists(c);
      c.expectKeyword('TOPIC');
      resourceName(c, false);
      if (c.acceptKeyword('WITH')) parseProperties(c);
      timeout(c);
      return;
    case 'ASSERT SCHEMA': // ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID literal] [TIMEOUT n unit]
      notExists(c);
      c.expectKeyword('SCHEMA');
      if (c.acceptKeyword('SUBJECT')) resourceName(c, false);
      if (c.acceptKeyword('ID')) parseLiteral(c);
      timeout(c);
      return;
    case 'SHOW CONNECTORS': // [SOURCE|SINK] CONNECTORS | CONNECTOR PLUGINS
      if (c.acceptKeyword('CONNECTOR')) c.expectKeyword('PLUGINS');
      else {
        if (!c.acceptKeyword('SOURCE')) c.acceptKeyword('SINK');
        c.expectKeyword('CONNECTORS');
      }
      return;
    case 'SHOW TYPES':
      c.expectKeyword('TYPES');
      return;
    case 'DESCRIBE CONNECTOR':
      c.expectKeyword('CONNECTOR');
      parseIdentifier(c);
      return;
    default:
      assertNever(feature, 'unsupported feature');
  }
}

function ifExists(c: Cursor, not: boolean): void {
  if (!c.acceptKeyword('IF')) return;
  if (not) c.expectKeyword('NOT');
  c.expectKeyword('EXISTS');
}

function notExists(c: Cursor): void {
  if (c.acceptKeyword('NOT')) c.expectKeyword('EXISTS');
}

/** `resourceName: identifier | STRING`; ALTER SYSTEM takes strings only. */
function resourceName(c: Cursor, stringOnly: boolean): void {
  if (c.peek().kind === 'string') c.next();
  else if (stringOnly) throw c.expected(['STRING']);
  else parseIdentifier(c);
}

function timeout(c: Cursor): void {
  if (c.acceptKeyword('TIMEOUT')) parseDuration(c);
}
