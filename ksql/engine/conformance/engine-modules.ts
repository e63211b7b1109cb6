import { RuntimeFailure } from '../../../common/errors.ts';
import type { EngineOptions, KsqlEngine } from '../api.ts';
import type { Expression, Statement, TableElement } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { SchemaRegistryClient } from '../serde/schema-registry.ts';
import type { KeyFormat, KeySerde, ValueFormat, ValueSerde } from '../serde/serde-types.ts';

/**
 * The engine pieces the harness drives, loaded lazily so that the harness (and `npm test`)
 * works before they exist and `npm run conformance` then fails with a clear message naming
 * the missing module instead of a module-resolution stack trace.
 */
export interface SerdeContextLike {
  readonly topic: string;
  readonly sourceName: string;
  readonly registry?: SchemaRegistryClient;
  readonly registerSchema?: boolean;
}

export interface EngineModules {
  createEngine(options: EngineOptions): KsqlEngine | Promise<KsqlEngine>;
  createKeySerde(format: KeyFormat, columns: readonly Column[], ctx: SerdeContextLike): Promise<KeySerde>;
  createValueSerde(
    format: ValueFormat,
    columns: readonly Column[],
    ctx: SerdeContextLike,
  ): Promise<ValueSerde>;
  /** Splits a script into statement texts (the engine parser's splitter). */
  splitStatements(sql: string): string[];
  /** Parses one or more statements (the SQL-test runner needs the ASSERT statements' AST). */
  parseStatements(sql: string): Statement[];
  /** Parses a column list as in `post.sources[].schema` (`ID BIGINT KEY, V STRING`), if the parser offers it. */
  parseTableElements?(text: string): TableElement[];
  /** Evaluates a column-free expression and converts it to `target` as INSERT VALUES does, if offered. */
  evaluateConstant?(expr: Expression, target?: SqlType): { readonly value: unknown };
}

/** Where each piece is expected, and under which export names (first found wins). */
const PIECES: {
  readonly key: keyof EngineModules;
  readonly module: string;
  readonly names: readonly string[];
}[] = [
  { key: 'createEngine', module: '../engine.ts', names: ['createEngine'] },
  { key: 'createKeySerde', module: '../serde/serde-factory.ts', names: ['createKeySerde'] },
  { key: 'createValueSerde', module: '../serde/serde-factory.ts', names: ['createValueSerde'] },
  { key: 'splitStatements', module: '../parser/index.ts', names: ['splitStatements'] },
  { key: 'parseStatements', module: '../parser/index.ts', names: ['parseStatements', 'parse'] },
];

/** The engine is not (completely) there yet. */
export class EngineNotReadyError extends RuntimeFailure {
  constructor(readonly missing: readonly string[]) {
    super(`the local engine is not complete yet: ${missing.join('; ')}`, {
      hint: 'the planner/runtime, parser and serde modules land in ksql/engine/; pull and retry',
    });
  }
}

let cached: Promise<EngineModules> | undefined;

export function loadEngineModules(): Promise<EngineModules> {
  cached ??= load();
  return cached;
}

async function load(): Promise<EngineModules> {
  const missing: string[] = [];
  const found: Partial<Record<keyof EngineModules, unknown>> = {};
  const mods = new Map<string, Record<string, unknown> | undefined>();
  const failures = new Map<string, string>();
  for (const piece of PIECES) {
    if (!mods.has(piece.module)) {
      try {
        const url = new URL(piece.module, import.meta.url).href;
        mods.set(piece.module, (await import(url)) as Record<string, unknown>);
      } catch (e) {
        if (!isModuleNotFound(e)) throw e;
        mods.set(piece.module, undefined);
        failures.set(piece.module, e instanceof Error ? e.message.split('\n')[0]! : String(e));
      }
    }
    const mod = mods.get(piece.module);
    const fn = piece.names.map((n) => mod?.[n]).find((f) => typeof f === 'function');
    const what = `ksql/engine/${piece.module.replace('../', '')} ${mod ? `does not export ${piece.names.join('/')}` : `cannot be loaded (${failures.get(piece.module) ?? 'missing'})`}`;
    if (fn === undefined) {
      if (!missing.includes(what)) missing.push(what);
    } else {
      found[piece.key] = fn;
    }
  }
  if (missing.length > 0) throw new EngineNotReadyError(missing);
  const parser = mods.get('../parser/index.ts');
  const evaluate = await optionalExport('../expression/evaluate-constant.ts', 'evaluateConstant');
  const split = found.splitStatements as (sql: string) => unknown[];
  return {
    ...(found as unknown as EngineModules),
    // The parser's splitter returns statement sources (text without the `;`); the harness wants texts.
    splitStatements: (sql) =>
      split(sql).map((s) => (typeof s === 'string' ? s : `${(s as { text: string }).text};`)),
    ...(evaluate ? { evaluateConstant: evaluate as NonNullable<EngineModules['evaluateConstant']> } : {}),
    ...(typeof parser?.parseTableElements === 'function'
      ? { parseTableElements: parser.parseTableElements as (text: string) => TableElement[] }
      : {}),
  };
}

/** An export the harness can do without (it falls back to its own code). */
async function optionalExport(module: string, name: string): Promise<unknown> {
  try {
    const mod = (await import(new URL(module, import.meta.url).href)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? mod[name] : undefined;
  } catch (e) {
    if (isModuleNotFound(e)) return undefined;
    throw e;
  }
}

function isModuleNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
