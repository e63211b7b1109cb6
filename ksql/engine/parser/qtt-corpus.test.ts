import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Statement } from './ast.ts';
import { parseStatement, parseStatements, printStatement } from './index.ts';
import { stripLocations } from './test-support.ts';

/**
 * Parses every statement of every QTT JSON file and SQL test file in ../shared/ksqldb-qtt.
 * Statements of cases that expect a ParseFailedException must fail; all others must parse.
 * `{FORMAT}` is replaced by each of the case's formats, as TestCaseBuilderUtil does.
 */
const QTT_DIR = join(import.meta.dirname, '../../../../shared/ksqldb-qtt');

interface QttCaseJson {
  name: string;
  statements?: string[];
  format?: string[];
  expectedException?: { type?: string; message?: string };
  expectedError?: { type?: string; message?: string };
}

/** Statements ksqlDB accepts that this parser deliberately does not (none so far). */
const ALLOWED_FAILURES: ReadonlySet<string> = new Set<string>([]);

function jsonFiles(): string[] {
  const top = readdirSync(QTT_DIR).filter((f) => f.endsWith('.json'));
  const rest = readdirSync(join(QTT_DIR, 'rest-query-validation-tests'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('rest-query-validation-tests', f));
  return [...top, ...rest];
}

function sqlFiles(dir = join(QTT_DIR, 'sql-tests'), prefix = 'sql-tests'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sqlFiles(join(dir, e.name), join(prefix, e.name))
      : e.name.endsWith('.sql')
        ? [join(prefix, e.name)]
        : [],
  );
}

export interface CorpusResult {
  parsed: number;
  statements: Statement[];
  failures: string[];
  negatives: { name: string; error: string | undefined; expected: string | undefined }[];
}

export function runCorpus(): CorpusResult {
  const failures: string[] = [];
  const negatives: CorpusResult['negatives'] = [];
  let parsed = 0;
  const statements: Statement[] = [];
  for (const file of jsonFiles()) {
    const cases = (JSON.parse(readFileSync(join(QTT_DIR, file), 'utf8')) as { tests: QttCaseJson[] }).tests;
    for (const c of cases) {
      const formats = c.format && c.format.length > 0 ? c.format : [undefined];
      const expected = c.expectedException ?? c.expectedError;
      const expectsParseFailure = (expected?.type ?? '').endsWith('ParseFailedException');
      for (const format of formats) {
        const script = (c.statements ?? [])
          .map((s) => (format ? s.replaceAll('{FORMAT}', format) : s))
          .join('\n');
        const name = `${file} - ${c.name}${format ? ` - ${format}` : ''}`;
        let error: string | undefined;
        try {
          const list = parseStatements(script);
          parsed += list.length;
          statements.push(...list);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        // A parse-stage error is right if the case expects it: a ParseFailedException, or another
        // exception whose message ksqlDB raises while building the AST (unknown qualifiers).
        const expectedHere = expected?.message !== undefined && error?.includes(expected.message) === true;
        if (expectsParseFailure || expectedHere) negatives.push({ name, error, expected: expected?.message });
        else if (error !== undefined && !ALLOWED_FAILURES.has(name)) failures.push(`${name}: ${error}`);
      }
    }
  }
  for (const file of sqlFiles()) {
    try {
      const list = parseStatements(readFileSync(join(QTT_DIR, file), 'utf8'));
      parsed += list.length;
      statements.push(...list);
    } catch (e) {
      failures.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { parsed, statements, failures, negatives };
}

describe('QTT corpus', () => {
  const result = runCorpus();

  it('round-trips every parsed statement through the printer', () => {
    const mismatches: string[] = [];
    for (const s of result.statements) {
      const printed = printStatement(s);
      try {
        const again = parseStatement(printed);
        if (JSON.stringify(stripLocations(again)) !== JSON.stringify(stripLocations(s)))
          mismatches.push(`${s.text}\n  => ${printed}`);
      } catch (e) {
        mismatches.push(`${s.text}\n  => ${printed}\n  !! ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('parses every statement of every case that does not expect a parse failure', () => {
    expect(result.failures).toEqual([]);
    expect(result.parsed).toBeGreaterThan(2500);
  });

  it('fails on the statements of cases that expect a ParseFailedException, with ksqlDB wording', () => {
    const notFailing = result.negatives.filter((n) => n.error === undefined).map((n) => n.name);
    expect(notFailing).toEqual([]);
    const wrongMessage = result.negatives
      .filter((n) => n.error !== undefined && n.expected !== undefined && !n.error.includes(n.expected))
      .map((n) => `${n.name}: expected "${n.expected}" in "${n.error}"`);
    expect(wrongMessage).toEqual([]);
    // 24 ParseFailedException cases + 4 unknown-qualifier cases (elements.json, insert-values.json).
    expect(result.negatives.length).toBe(28);
  });
});
