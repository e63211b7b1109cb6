import type { KsqlEngine, SourceInfo } from '../api.ts';
import type { RegisteredSchema, SchemaReference } from '../serde/schema-registry.ts';
import type { KafkaRecord } from '../topics/topic-log.ts';
import { formatActual } from './actual-value.ts';
import type { QttRun } from './case-expander.ts';
import { matches } from './comparator.ts';
import type { EngineModules } from './engine-modules.ts';
import { judge } from './expected-exception.ts';
import { javaHashMapOrder } from './java-hash-map-order.ts';
import { isLosslessNumber, stringifyJson, type JsonObject, type JsonValue } from './json.ts';
import { checkPostConditions } from './post-conditions.ts';
import type { QttRecord, QttTopic } from './qtt-model.ts';
import { RecordCodec, type ActualRecord } from './record-codec.ts';
import { HarnessUnsupported, RunFailure, type RunResult } from './run-result.ts';

/** TestExecutor.BASE_CONFIG: record cache off, earliest offsets, the service id internal topic names use. */
export const BASE_PROPERTIES: Readonly<Record<string, unknown>> = {
  'ksql.service.id': 'some.ksql.service.id',
  'ksql.streams.auto.offset.reset': 'earliest',
  'ksql.streams.cache.max.bytes.buffering': 0,
};

/**
 * Runs one QTT run as TestExecutor.buildAndExecuteQuery does (../shared/reference/ksqldb.md a.5):
 * fresh engine in test mode, topics and their schemas, statements, inputs one at a time,
 * outputs compared per topic in order, post-conditions, then expectedException.
 */
export async function runQttCase(
  run: QttRun,
  mods: EngineModules,
  fileLabel: string,
  timeoutMs: number = RUN_TIMEOUT_MS,
): Promise<RunResult> {
  const c = run.testCase;
  let engine: KsqlEngine | undefined;
  let error: unknown;
  const execute = async (): Promise<void> => {
    if (c.rest) throw new HarnessUnsupported('REST');
    engine = await mods.createEngine({
      mode: 'test',
      properties: { ...BASE_PROPERTIES, ...properties(run.properties) },
    });
    await prepareTopics(engine, c.topics, run.statements, statementSchemaRegistrar(engine, mods, run));
    // TestExecutorUtil runs the statements as one script joined by newlines: a syntax error in
    // statement 2 reports `line 2:...` (group-by.json "with groupings (stream->table)").
    await engine.execute(run.statements.join('\n'));
    const codec = new RecordCodec(engine, mods);
    for (const input of c.inputs) {
      if (!engine.topics.describeTopic(input.topic)) engine.topics.createTopic(input.topic, 1);
      await engine.produce(input.topic, await codec.encode(input));
    }
    verifyOutputs(engine, codec, c.outputs, c.inputs.length === 0);
    if (c.post) await checkPostConditions(engine, mods, c.post);
  };
  try {
    await withTimeout(execute(), timeoutMs);
  } catch (e) {
    error = e;
  } finally {
    await (engine as KsqlEngine | undefined)?.close().catch(() => undefined);
  }
  return { name: run.name, file: fileLabel, ...judge(error, c.expectedException) };
}

/** A run that never settles (an engine promise left pending) fails instead of hanging the suite. */
export const RUN_TIMEOUT_MS = 10_000;

export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunFailure('timeout', `the run did not finish within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Property values as ksqlDB config values: numbers as numbers (strings when beyond 2^53). */
export function properties(props: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] = isLosslessNumber(v) ? (Number.isSafeInteger(Number(v.value)) ? Number(v.value) : v.value) : v;
  }
  return out;
}

/**
 * Topics exist before statements run (TestCaseBuilderUtil.getTopicsByName): those listed in
 * `topics` (schemas registered under `<topic>-key`/`<topic>-value`), and those named by
 * CREATE STREAM/TABLE statements. Everything is one partition unless stated: the Java driver
 * runs each topology in a single-partition TopologyTestDriver.
 */
/**
 * Registers the case's topic schemas and creates its topics, in the order QTT's TestExecutor
 * does: the case's `topics` and the topics of its `CREATE STREAM/TABLE` statements collected in
 * a Java HashMap and walked in its iteration order (`java-hash-map-order.ts`). A statement
 * topic's schema is the one the statement itself registers (`registerStatementSchema`, when
 * given: QTT derives it from the statement's columns), so schema ids come out as in QTT.
 */
export async function prepareTopics(
  engine: KsqlEngine,
  topics: readonly QttTopic[],
  statements: readonly string[],
  registerStatementSchema?: (statement: string) => Promise<void>,
): Promise<void> {
  const explicit = new Map(topics.map((t) => [t.name, t]));
  const declaring = new Map<string, string>();
  for (const s of statements) {
    const topic = statementTopic(s);
    if (topic && !declaring.has(topic.name)) declaring.set(topic.name, s);
  }
  for (const name of javaHashMapOrder([...explicit.keys(), ...declaring.keys()])) {
    const t = explicit.get(name);
    if (t) await prepareTopic(engine, t);
    else if (registerStatementSchema && hasColumns(declaring.get(name)!))
      await registerStatementSchema(declaring.get(name)!);
  }
  for (const s of statements) {
    const topic = statementTopic(s);
    if (topic && !engine.topics.describeTopic(topic.name))
      engine.topics.createTopic(topic.name, topic.partitions);
  }
}

function hasColumns(statement: string): boolean {
  return /^\s*CREATE\s+(OR\s+REPLACE\s+)?(SOURCE\s+)?(STREAM|TABLE)\s+(IF\s+NOT\s+EXISTS\s+)?[^\s(]+\s*\(/i.test(
    statement,
  );
}

async function prepareTopic(engine: KsqlEngine, t: QttTopic): Promise<void> {
  for (const [fmt, schema, id, subject, refs] of [
    [t.keyFormat, t.keySchema, t.keySchemaId, `${t.name}-key`, t.keySchemaReferences],
    [t.valueFormat, t.valueSchema, t.valueSchemaId, `${t.name}-value`, t.valueSchemaReferences],
  ] as const) {
    if (schema === undefined || schema === null) continue;
    const schemaType = schemaTypeOf(fmt);
    // Avro and JSON schemas are JSON documents: the primitive schema "int" is the JSON string
    // `"int"`; Protobuf schemas are proto text (SerdeUtil.buildSchema).
    const text = (s: JsonValue): string =>
      schemaType === 'PROTOBUF' && typeof s === 'string' ? s : stringifyJson(s);
    // References are registered under their own name first (TestExecutor), version 1.
    const references: SchemaReference[] = [];
    for (const r of refs ?? []) {
      await register(
        engine.registry,
        r.name,
        { schemaType: schemaTypeOf(r.format), schema: text(r.schema) },
        undefined,
      );
      references.push({ name: r.name, subject: r.name, version: 1 });
    }
    await register(
      engine.registry,
      subject,
      { schemaType, schema: text(schema), ...(references.length > 0 ? { references } : {}) },
      id,
    );
  }
  if (!engine.topics.describeTopic(t.name))
    engine.topics.createTopic(t.name, t.partitions ?? 1, t.replicas ?? 1);
}

/**
 * Registers the schemas a CREATE statement registers, by running it alone on a scratch engine
 * that shares the case's registry (and nothing else). A statement that cannot run alone (it
 * needs variables or other sources) registers nothing here, and registers when the case runs it.
 */
function statementSchemaRegistrar(
  engine: KsqlEngine,
  mods: EngineModules,
  run: QttRun,
): (statement: string) => Promise<void> {
  return async (statement) => {
    const scratch = await mods.createEngine({
      mode: 'test',
      registry: engine.registry,
      properties: { ...BASE_PROPERTIES, ...properties(run.properties) },
    });
    try {
      const topic = statementTopic(statement);
      if (topic) scratch.topics.createTopic(topic.name, topic.partitions);
      await scratch.execute(statement);
    } catch {
      // registers when the case runs it
    } finally {
      await scratch.close().catch(() => undefined);
    }
  };
}

/** Registers under the id the case gives (`valueSchemaId`), when the registry can (the in-memory one can). */
async function register(
  registry: KsqlEngine['registry'],
  subject: string,
  schema: RegisteredSchema,
  id: number | undefined,
): Promise<void> {
  const withId = (registry as { registerSync?: (s: string, r: RegisteredSchema, id?: number) => number })
    .registerSync;
  if (id !== undefined && typeof withId === 'function') withId.call(registry, subject, schema, id);
  else await registry.register(subject, schema);
}

/** SerdeUtil.buildSchema: a topic's schema is Avro unless its format says otherwise. */
function schemaTypeOf(format: string | undefined): 'AVRO' | 'JSON' | 'PROTOBUF' {
  const f = (format ?? '').toUpperCase();
  if (f.startsWith('PROTOBUF')) return 'PROTOBUF';
  if (f === 'JSON' || f === 'JSON_SR') return 'JSON';
  return 'AVRO';
}

/** KAFKA_TOPIC (and PARTITIONS) of a CREATE STREAM/TABLE that is not a C*AS. */
export function statementTopic(sql: string): { name: string; partitions: number } | undefined {
  if (!/^\s*CREATE\s+(OR\s+REPLACE\s+)?(SOURCE\s+)?(STREAM|TABLE)\b/i.test(sql)) return undefined;
  if (/\bAS\s+SELECT\b/i.test(sql)) return undefined;
  const topic = /\bKAFKA_TOPIC\s*=\s*'((?:[^']|'')*)'/i.exec(sql)?.[1];
  if (topic === undefined) return undefined;
  const partitions = /\bPARTITIONS\s*=\s*'?(\d+)/i.exec(sql)?.[1];
  return { name: topic.replaceAll("''", "'"), partitions: partitions ? Number(partitions) : 1 };
}

/** Every record of a topic, partition by partition, in offset order. */
export function readTopic(engine: KsqlEngine, topic: string): KafkaRecord[] {
  const desc = engine.topics.describeTopic(topic);
  if (!desc) return [];
  const out: KafkaRecord[] = [];
  for (let p = 0; p < desc.partitions; p++) out.push(...engine.topics.read(topic, p, 0));
  return out;
}

/** The sink writing `topic`: the newest source on it (a C*AS sink, or a source declared over it). */
function sinkForTopic(engine: KsqlEngine, topic: string): SourceInfo | undefined {
  const onTopic = engine.listSources().filter((s) => s.topic === topic);
  const sinks = new Set(engine.listQueries().flatMap((q) => q.sinks));
  return onTopic.find((s) => sinks.has(s.name)) ?? onTopic[0];
}

/**
 * Compares each output topic in order. QTT wants the exact count; the REST driver
 * (`verifyAvailableRecords`) wants at least the expected records and compares those.
 */
export function verifyOutputs(
  engine: KsqlEngine,
  codec: RecordCodec,
  outputs: readonly QttRecord[],
  noInputs: boolean,
  atLeast = false,
): void {
  const byTopic = new Map<string, QttRecord[]>();
  for (const o of outputs) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  for (const [topic, expected] of byTopic) {
    const actual = codec.decode(sinkForTopic(engine, topic), readTopic(engine, topic));
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const why = recordMismatch(actual[i]!, expected[i]!, noInputs);
      if (why) {
        throw new RunFailure(
          'output mismatch',
          `topic '${topic}' record ${i}: ${why}\n  expected: ${formatExpected(expected[i]!)}\n  actual:   ${formatActualRecord(actual[i]!)}`,
        );
      }
    }
    if (expected.length !== actual.length && !(atLeast && actual.length > expected.length)) {
      const extra = actual.length > expected.length;
      const list = extra ? actual.slice(n).map(formatActualRecord) : expected.slice(n).map(formatExpected);
      throw new RunFailure(
        extra ? 'output mismatch: extra records' : 'output mismatch: missing records',
        `topic '${topic}': expected ${expected.length} records but got ${actual.length}; ${extra ? 'unexpected' : 'missing'}:\n    ${list.slice(0, 5).join('\n    ')}${list.length > 5 ? `\n    ... ${list.length - 5} more` : ''}`,
      );
    }
  }
}

function recordMismatch(a: ActualRecord, e: QttRecord, noInputs: boolean): string | undefined {
  if (!matches(a.key, e.key)) return 'key differs';
  if (!matches(a.value, e.value)) return 'value differs';
  if (e.timestamp !== undefined) {
    const ts = Number(e.timestamp.value);
    if (!(noInputs && ts === 0) && ts !== a.timestamp) return 'timestamp differs';
  }
  // ExpectedRecordComparator.matches(headers): same count, same keys and bytes in order.
  if (e.headers && JSON.stringify(e.headers) !== JSON.stringify(a.headers)) return 'headers differ';
  if (e.window) {
    if (!a.window) return 'expected a windowed key';
    if (
      a.window.start !== e.window.start ||
      a.window.end !== e.window.end ||
      a.window.type !== e.window.type
    ) {
      return 'window differs';
    }
  } else if (a.windowed) {
    return 'expected an unwindowed key';
  }
  return undefined;
}

function formatExpected(e: QttRecord): string {
  const w = e.window ? `, window: ${e.window.type} [${e.window.start}, ${e.window.end}]` : '';
  const ts = e.timestamp !== undefined ? `, timestamp: ${e.timestamp.value}` : '';
  return `key: ${stringifyJson(e.key)}, value: ${stringifyJson(e.value)}${ts}${w}`;
}

function formatActualRecord(a: ActualRecord): string {
  const w = a.window ? `, window: ${a.window.type} [${a.window.start}, ${a.window.end}]` : '';
  return `key: ${formatActual(a.key)}, value: ${formatActual(a.value)}, timestamp: ${a.timestamp}${w}`;
}
