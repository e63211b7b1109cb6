import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatement, parseStatements, printStatement } from './index.ts';
import { stripLocations } from './test-support.ts';

/**
 * The project's own query set (ksql/migrations, with the default variables of
 * ksql/variables.json) and its SQL tests (ksql/tests) parse, and round-trip.
 */
const KSQL_DIR = join(import.meta.dirname, '../..');

function defaults(): Record<string, string> {
  const vars = JSON.parse(readFileSync(join(KSQL_DIR, 'variables.json'), 'utf8')) as Record<
    string,
    { default: string }
  >;
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.default]));
}

const files = (dir: string): string[] =>
  readdirSync(join(KSQL_DIR, dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => join(dir, f));

describe('project query set', () => {
  for (const file of [...files('migrations'), ...files('tests')]) {
    it(`parses ${file}`, () => {
      const statements = parseStatements(readFileSync(join(KSQL_DIR, file), 'utf8'), {
        variables: defaults(),
      });
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.filter((s) => s.kind === 'Unsupported')).toEqual([]);
      for (const s of statements)
        expect(stripLocations(parseStatement(printStatement(s)))).toEqual(stripLocations(s));
    });
  }
});
