import type { KsqlEngine, SourceInfo } from '../api.ts';
import type { CreateSource } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { formatSqlType } from '../types/sql-type.ts';
import type { EngineModules } from './engine-modules.ts';
import {
  isJsonObject,
  isLosslessNumber,
  parseJson,
  stringifyJson,
  type JsonObject,
  type JsonValue,
} from './json.ts';
import { RunFailure } from './run-result.ts';
import { columnsOf } from './sql-type-syntax.ts';

/**
 * QTT `post` conditions (PostConditionsNode / SourceNode / KeyFormatNode,
 * ../shared/reference/ksqldb.md a.7): listed sources and topics must exist and match every
 * attribute given; unlisted attributes are not checked.
 */
export async function checkPostConditions(
  engine: KsqlEngine,
  mods: EngineModules,
  post: JsonObject,
): Promise<void> {
  const sources = Array.isArray(post.sources) ? post.sources : [];
  for (const s of sources) if (isJsonObject(s)) checkSource(engine, mods, s);
  if (isJsonObject(post.topics)) await checkTopics(engine, post.topics);
}

function fail(detail: string): never {
  throw new RunFailure('post-condition failed', detail);
}

function checkSource(engine: KsqlEngine, mods: EngineModules, node: JsonObject): void {
  const name = String(node.name);
  const source = engine.getSource(name);
  if (!source)
    fail(
      `source ${name} does not exist (sources: ${engine
        .listSources()
        .map((s) => s.name)
        .join(', ')})`,
    );
  const what = (attr: string, expected: unknown, actual: unknown): never =>
    fail(`source ${name}: expected ${attr} ${String(expected)} but was ${String(actual)}`);
  if (typeof node.type === 'string' && node.type.toUpperCase() !== source.type)
    what('type', node.type, source.type);
  if (typeof node.schema === 'string') {
    const expected = printSchema(parseSchema(mods, node.schema));
    const actual = printSchema(source.schema);
    if (expected !== actual) what('schema', expected, actual);
  }
  if (node.keyFormat !== undefined) checkKeyFormat(source, node.keyFormat, what);
  if (
    typeof node.valueFormat === 'string' &&
    node.valueFormat.toUpperCase() !== source.valueFormat.info.format
  ) {
    what('value format', node.valueFormat, source.valueFormat.info.format);
  }
  if (Array.isArray(node.keyFeatures) && !sameSet(node.keyFeatures, source.keyFormat.features)) {
    what('key features', stringifyJson(node.keyFeatures), source.keyFormat.features.join(','));
  }
  if (Array.isArray(node.valueFeatures) && !sameSet(node.valueFeatures, source.valueFormat.features)) {
    what('value features', stringifyJson(node.valueFeatures), source.valueFormat.features.join(','));
  }
  if (typeof node.isSource === 'boolean' && node.isSource !== source.isSource)
    what('isSource', node.isSource, source.isSource);
}

function checkKeyFormat(
  source: SourceInfo,
  node: JsonValue,
  what: (a: string, e: unknown, x: unknown) => never,
): void {
  const kf = source.keyFormat;
  if (typeof node === 'string') {
    if (node.toUpperCase() !== kf.info.format) what('key format', node, kf.info.format);
    return;
  }
  if (!isJsonObject(node)) return;
  if (typeof node.format === 'string' && node.format.toUpperCase() !== kf.info.format)
    what('key format', node.format, kf.info.format);
  if ('windowType' in node) {
    const expected = typeof node.windowType === 'string' ? node.windowType.toUpperCase() : undefined;
    if (expected !== kf.window?.type) what('window type', expected, kf.window?.type);
  }
  if ('windowSize' in node) {
    const expected = isLosslessNumber(node.windowSize) ? Number(node.windowSize.value) : undefined;
    const actual = kf.window && kf.window.type !== 'SESSION' ? kf.window.sizeMs : undefined;
    if (expected !== actual) what('window size', expected, actual);
  }
  if (Array.isArray(node.features) && !sameSet(node.features, kf.features)) {
    what('key features', stringifyJson(node.features), kf.features.join(','));
  }
}

async function checkTopics(engine: KsqlEngine, node: JsonObject): Promise<void> {
  const existing = engine.topics.listTopics();
  if (typeof node.blacklist === 'string') {
    const re = new RegExp(`^(?:${node.blacklist})$`);
    const bad = existing.filter((t) => re.test(t.name)).map((t) => t.name);
    if (bad.length > 0) fail(`topics matching blacklist ${node.blacklist} exist: ${bad.join(', ')}`);
  }
  const topics = Array.isArray(node.topics) ? node.topics : [];
  for (const t of topics) {
    if (!isJsonObject(t) || typeof t.name !== 'string') continue;
    const desc = engine.topics.describeTopic(t.name);
    if (!desc) fail(`topic ${t.name} does not exist (topics: ${existing.map((x) => x.name).join(', ')})`);
    if (isLosslessNumber(t.partitions) && Number(t.partitions.value) !== desc.partitions) {
      fail(`topic ${t.name}: expected ${t.partitions.value} partitions but was ${desc.partitions}`);
    }
    const source = engine.listSources().find((s) => s.topic === t.name);
    for (const [attr, fmt, actual] of [
      ['key', t.keyFormat, source?.keyFormat],
      ['value', t.valueFormat, source?.valueFormat],
    ] as const) {
      if (!isJsonObject(fmt)) continue;
      if (typeof fmt.format === 'string' && fmt.format.toUpperCase() !== actual?.info.format) {
        fail(
          `topic ${t.name}: expected ${attr} format ${fmt.format} but was ${actual?.info.format ?? 'no source on the topic'}`,
        );
      }
      if (isJsonObject(fmt.properties) && actual) {
        for (const [k, v] of Object.entries(fmt.properties)) {
          if (actual.info.properties[k] !== String(v)) {
            fail(
              `topic ${t.name}: expected ${attr} format property ${k}=${String(v)} but was ${actual.info.properties[k] ?? 'unset'}`,
            );
          }
        }
      }
      if (Array.isArray(fmt.features) && actual && !sameSet(fmt.features, actual.features)) {
        fail(
          `topic ${t.name}: expected ${attr} features ${stringifyJson(fmt.features)} but was ${actual.features.join(',')}`,
        );
      }
    }
    for (const [attr, expected] of [
      ['key', t.keySchema],
      ['value', t.valueSchema],
    ] as const) {
      if (expected === undefined) continue;
      const latest = await engine.registry.getLatest(`${t.name}-${attr}`);
      if (expected === null) {
        if (latest)
          fail(`topic ${t.name}: expected no ${attr} schema but one is registered: ${latest.schema.schema}`);
        continue;
      }
      if (!latest) fail(`topic ${t.name}: no ${attr} schema registered under ${t.name}-${attr}`);
      const actual = canonical(parseMaybeJson(latest.schema.schema));
      const want = canonical(typeof expected === 'string' ? parseMaybeJson(expected) : expected);
      if (actual !== want)
        fail(`topic ${t.name}: ${attr} schema differs\n  expected: ${want}\n  actual:   ${actual}`);
    }
  }
}

/** Parses `post.sources[].schema` through the engine's parser as the element list of a CREATE STREAM. */
function parseSchema(mods: EngineModules, schema: string): { key: Column[]; value: Column[] } {
  if (mods.parseTableElements) return columnsOf(mods.parseTableElements(schema));
  const [stmt] = mods.parseStatements(
    `CREATE STREAM QTT_POST_SCHEMA (${schema}) WITH (KAFKA_TOPIC='qtt_post_schema');`,
  );
  if (!stmt || stmt.kind !== 'CreateSource') fail(`cannot parse expected schema: ${schema}`);
  return columnsOf((stmt as CreateSource).elements);
}

function printSchema(s: { readonly key: readonly Column[]; readonly value: readonly Column[] }): string {
  const col = (c: Column): string =>
    `\`${c.name}\` ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : c.namespace === 'HEADERS' ? (c.headerKey ? ` HEADER('${c.headerKey}')` : ' HEADERS') : ''}`;
  return [...s.key, ...s.value].map(col).join(', ');
}

function sameSet(expected: readonly JsonValue[], actual: readonly string[]): boolean {
  const e = expected.map((x) => String(x).toUpperCase()).sort();
  const a = [...actual].map((x) => x.toUpperCase()).sort();
  return e.join(',') === a.join(',');
}

function parseMaybeJson(s: string): JsonValue {
  try {
    return parseJson(s);
  } catch {
    return s;
  }
}

/** JSON with object keys sorted (schemas compare as JSON documents, not texts). */
function canonical(v: JsonValue): string {
  if (v === null || typeof v !== 'object' || isLosslessNumber(v)) return stringifyJson(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k]!)}`)
    .join(',')}}`;
}
