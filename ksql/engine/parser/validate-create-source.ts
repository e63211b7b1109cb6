import type { CreateSource, Literal } from './ast.ts';
import { nodeLocation, prepareError } from './prepare-error.ts';

/**
 * Checks ksqlDB's AstBuilder makes while building CREATE STREAM/TABLE, so they fail as
 * ParseFailedException like in ksqlDB:
 * - KEY on a table / PRIMARY KEY on a stream (elements.json "table with key column":
 *   "Line: 1, Col: 21: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
 * - WINDOW_TYPE / WINDOW_SIZE (CreateSourceProperties.validateWindowInfo; hopping-windows.json
 *   and session-windows.json "import table with invalid window size").
 */
export function validateCreateSource(s: CreateSource): void {
  for (const e of s.elements) {
    const where = `${nodeLocation(e.loc)}: Column \`${e.name.name}\``;
    if (s.sourceType === 'TABLE' && e.constraint === 'KEY') {
      throw prepareError(`${where} is a 'KEY' column: please use 'PRIMARY KEY' for tables.`, e.loc, s.text);
    }
    if (s.sourceType === 'STREAM' && e.constraint === 'PRIMARY KEY') {
      throw prepareError(`${where} is a 'PRIMARY KEY' column: please use 'KEY' for streams.`, e.loc, s.text);
    }
  }
  const windowType = stringProperty(s, 'WINDOW_TYPE')?.toUpperCase();
  const windowSize = stringProperty(s, 'WINDOW_SIZE');
  const fail = (message: string): never => {
    throw prepareError(message, s.loc, s.text);
  };
  if (windowSize !== undefined) {
    const problem = durationProblem(windowSize);
    if (problem !== undefined)
      fail(`Configuration WINDOW_SIZE is invalid: Invalid duration: '${windowSize}'. ${problem}`);
  }
  if (windowType === undefined) return;
  if (windowType === 'SESSION') {
    if (windowSize !== undefined) fail(`'WINDOW_SIZE' should not be set for SESSION windows.`);
  } else if (windowType === 'TUMBLING' || windowType === 'HOPPING') {
    if (windowSize === undefined) {
      fail(
        `${windowType} windows require 'WINDOW_SIZE' to be provided in the WITH clause. For example: 'WINDOW_SIZE'='10 SECONDS'`,
      );
    }
  } else {
    fail(`Error in WITH clause property 'WINDOW_TYPE': Unknown window type: '${windowType}'`);
  }
}

function stringProperty(s: CreateSource, name: string): string | undefined {
  const p = s.properties.find((prop) => prop.name === name);
  return p === undefined ? undefined : literalText(p.value);
}

function literalText(l: Literal): string | undefined {
  switch (l.kind) {
    case 'StringLiteral':
      return l.value;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return l.text;
    case 'BooleanLiteral':
      return String(l.value);
    case 'NullLiteral':
      return undefined;
  }
}

/** ksqlDB's DurationParser: `<number> <time unit>` with Java TimeUnit names, singular or plural. */
const UNITS = ['NANOSECONDS', 'MICROSECONDS', 'MILLISECONDS', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS'];

function durationProblem(text: string): string | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2 || !/^[0-9]+$/.test(parts[0] ?? '')) return 'Expected format: <number> <time unit>';
  const unit = (parts[1] ?? '').toUpperCase();
  return UNITS.includes(unit) || UNITS.includes(unit + 'S') ? undefined : `Unknown time unit: '${unit}'`;
}
