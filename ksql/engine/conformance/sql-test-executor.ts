import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KsqlEngine, SourceInfo } from '../api.ts';
import { KsqlRuntimeError } from '../errors.ts';
import type { AssertTombstone, AssertValues, Expression, Identifier, Statement } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { EngineModules } from './engine-modules.ts';
import { judge } from './expected-exception.ts';
import { QTT_ROOT, type TestFile } from './qtt-paths.ts';
import { readTopic, RUN_TIMEOUT_MS, withTimeout } from './run-case.ts';
import { RunFailure, type RunResult } from './run-result.ts';
import { sameValue, showValue } from './same-value.ts';
import { literalValue } from './sql-literal.ts';
import { parseSqlTestFile, stripComments, type SqlTest } from './sql-test-parser.ts';
import { checkAssertSource } from './assert-source.ts';

/** SqlTestExecutor's engine config (../shared/reference/ksqldb.md b.2). */
const SQL_TEST_PROPERTIES: Readonly<Record<string, unknown>> = {
  'ksql.streams.cache.max.bytes.buffering': 0,
  'ksql.streams.max.task.idle.ms': 0,
  'ksql.streams.auto.offset.reset': 'earliest',
};

export interface SqlTestOptions {
  /** Directory `RUN SCRIPT '/x.sql'` paths are relative to (the QTT root for ksqlDB's own files). */
  readonly scriptRoot?: string;
}

/** Runs every test of a SQL test file; a file that does not parse is one failed run. */
export async function runSqlTestFile(
  file: TestFile,
  mods: EngineModules,
  wanted: (name: string) => boolean = () => true,
  opts: SqlTestOptions = {},
): Promise<RunResult[]> {
  const stem = file.label.slice(file.label.lastIndexOf('/') + 1).replace(/\.sql$/, '');
  let tests: SqlTest[];
  try {
    tests = parseSqlTestFile(file.label, await readFile(file.path, 'utf8'), (sql) =>
      mods.splitStatements(sql),
    );
  } catch (e) {
    const name = `${stem} - (file)`;
    return wanted(name)
      ? [{ name, file: file.label, status: 'failed', reason: 'test file does not parse', detail: String(e) }]
      : [];
  }
  const results: RunResult[] = [];
  for (const test of tests) {
    const name = `${stem} - ${test.name}`;
    if (!wanted(name)) continue;
    results.push({ name, file: file.label, ...(await runSqlTest(test, mods, opts)) });
  }
  return results;
}

export async function runSqlTest(
  test: SqlTest,
  mods: EngineModules,
  opts: SqlTestOptions = {},
): Promise<Omit<RunResult, 'name' | 'file'>> {
  let engine: KsqlEngine | undefined;
  let error: unknown;
  try {
    engine = await mods.createEngine({ mode: 'test', properties: SQL_TEST_PROPERTIES });
    const cursors = new Map<string, number>();
    const run = async (e: KsqlEngine): Promise<void> => {
      for (const text of test.statements) await executeStatement(e, mods, text, cursors, opts);
    };
    await withTimeout(run(engine), RUN_TIMEOUT_MS);
  } catch (e) {
    error = e;
  } finally {
    await engine?.close().catch(() => undefined);
  }
  const expected =
    test.expectedError !== undefined || test.expectedMessage !== undefined
      ? {
          ...(test.expectedError !== undefined ? { type: test.expectedError } : {}),
          ...(test.expectedMessage !== undefined ? { message: test.expectedMessage } : {}),
        }
      : undefined;
  return judge(error, expected);
}

const TEST_ONLY = /^\s*(ASSERT\b|RUN\s+SCRIPT\b)/i;

async function executeStatement(
  engine: KsqlEngine,
  mods: EngineModules,
  text: string,
  cursors: Map<string, number>,
  opts: SqlTestOptions,
): Promise<void> {
  if (!TEST_ONLY.test(stripComments(text))) {
    await engine.execute(text);
    return;
  }
  const [stmt] = mods.parseStatements(text) as Statement[];
  if (!stmt) return;
  switch (stmt.kind) {
    case 'AssertValues':
      return assertValues(engine, mods, stmt, cursors);
    case 'AssertTombstone':
      return assertTombstone(engine, mods, stmt, cursors);
    case 'AssertSource':
      return checkAssertSource(engine, stmt);
    case 'RunScript': {
      // RUN SCRIPT '/test-script.sql' in sql-tests/test.sql names a file at the QTT root.
      const script = await readFile(join(opts.scriptRoot ?? QTT_ROOT, stmt.path), 'utf8');
      for (const s of mods.splitStatements(script)) {
        if (stripComments(s).trim() !== '') await executeStatement(engine, mods, s, cursors, opts);
      }
      return;
    }
    default:
      await engine.execute(text);
  }
}

function sourceOf(engine: KsqlEngine, name: Identifier): SourceInfo {
  const source = engine.getSource(name.name);
  if (!source) throw new KsqlRuntimeError(`Cannot assert on non-existent source ${name.name}.`);
  return source;
}

/** The next unread record of the source's topic (one cursor per topic), decoded with its formats. */
function nextRecord(engine: KsqlEngine, source: SourceInfo, cursors: Map<string, number>) {
  const records = readTopic(engine, source.topic);
  const at = cursors.get(source.topic) ?? 0;
  const rec = records[at];
  if (!rec) {
    throw new RunFailure(
      'assertion failed',
      `Expected another record (at offset ${at}) for ${source.name} but already read all records.`,
    );
  }
  cursors.set(source.topic, at + 1);
  const [decoded] = engine.decode(source.name, [rec]);
  if (!decoded) throw new RunFailure('assertion failed', `could not decode record ${at} of ${source.topic}`);
  return decoded;
}

interface Expected {
  readonly column: string;
  readonly value: unknown;
  readonly actual: unknown;
}

function assertValues(
  engine: KsqlEngine,
  mods: EngineModules,
  stmt: AssertValues,
  cursors: Map<string, number>,
): void {
  const source = sourceOf(engine, stmt.source);
  const key = source.schema.key;
  const value = source.schema.value.filter((c) => c.namespace === 'VALUE');
  const names = stmt.columns?.map((c) => c.name) ?? [...key, ...value].map((c) => c.name);
  if (names.length !== stmt.values.length) {
    throw new KsqlRuntimeError(`Expected number columns and values to match: ${names.join(', ')}`);
  }
  const rec = nextRecord(engine, source, cursors);
  const rows: Expected[] = names.map((name, i) => {
    const expr = stmt.values[i]!;
    if (name === 'ROWTIME')
      return { column: name, value: constant(mods, expr, { kind: 'BIGINT' }), actual: BigInt(rec.timestamp) };
    const k = key.findIndex((c) => c.name === name);
    if (k >= 0)
      return { column: name, value: constant(mods, expr, key[k]!.type), actual: rec.key[k] ?? null };
    const v = value.findIndex((c) => c.name === name);
    if (v < 0) throw new KsqlRuntimeError(`Column name ${name} does not exist in ${source.name}.`);
    return {
      column: name,
      value: constant(mods, expr, value[v]!.type),
      actual: rec.value === null ? undefined : (rec.value[v] ?? null),
    };
  });
  if (rec.value === null || rows.some((r) => !sameValue(r.value, r.actual))) {
    throw new RunFailure('assertion failed', mismatchTable(rows, rec.value === null));
  }
}

function assertTombstone(
  engine: KsqlEngine,
  mods: EngineModules,
  stmt: AssertTombstone,
  cursors: Map<string, number>,
): void {
  const source = sourceOf(engine, stmt.source);
  const key = source.schema.key;
  const names = stmt.columns?.map((c) => c.name) ?? key.map((c) => c.name);
  const rec = nextRecord(engine, source, cursors);
  const rows: Expected[] = names.map((name, i) => {
    const k = key.findIndex((c: Column) => c.name === name);
    if (k < 0) throw new KsqlRuntimeError(`Only key columns may be given in ASSERT NULL VALUES: ${name}`);
    return { column: name, value: constant(mods, stmt.keys[i]!, key[k]!.type), actual: rec.key[k] ?? null };
  });
  if (rec.value !== null || rows.some((r) => !sameValue(r.value, r.actual))) {
    const table = rows
      .map((r) => `${r.column}: expected ${showValue(r.value)}, actual ${showValue(r.actual)}`)
      .join('; ');
    throw new RunFailure(
      'assertion failed',
      `Expected record does not match actual. Expected a tombstone; ${table}; actual value ${rec.value === null ? 'null' : 'not null'}`,
    );
  }
}

/**
 * The expected value of an asserted column: evaluated and coerced by the engine's own
 * INSERT VALUES machinery when it offers it (as SqlTestExecutor does), else by the harness.
 */
function constant(mods: EngineModules, expr: Expression, type: SqlType): unknown {
  return mods.evaluateConstant ? mods.evaluateConstant(expr, type).value : literalValue(expr, type);
}

/** AssertExecutor's message: `Expected record does not match actual.` then EXPECTED/ACTUAL columns. */
function mismatchTable(rows: readonly Expected[], actualIsNull: boolean): string {
  const expected = rows.map((r) => `${r.column}=${showValue(r.value)}`).join(', ');
  const actual = actualIsNull
    ? '<tombstone>'
    : rows.map((r) => `${r.column}=${showValue(r.actual)}`).join(', ');
  return `Expected record does not match actual. EXPECTED: ${expected} | ACTUAL: ${actual}`;
}
