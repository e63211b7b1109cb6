import type { DecodedRecord, KsqlEngine, SourceInfo, StatementResult } from '../api.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import { createKeySerde, createValueSerde } from '../serde/serde-factory.ts';
import type { SchemaRegistryClient } from '../serde/schema-registry.ts';
import type { KeyFormat } from '../serde/serde-types.ts';
import { createInMemoryTopicLog } from '../topics/in-memory-topic-log.ts';
import type { EngineModules } from './engine-modules.ts';

/**
 * A stand-in engine for harness tests: `CREATE STREAM IN` declares a KAFKA-keyed (BIGINT) JSON
 * stream on `in`; `CREATE STREAM OUT AS SELECT` a DELIMITED sink on `OUT` (optionally windowed)
 * that copies V; `BOOM` fails like a bad statement, `NOPE` like an unsupported feature.
 */
export function fakeModules(opts: { window?: KeyFormat['window'] } = {}): EngineModules {
  return {
    createEngine: () => fakeEngine(opts),
    createKeySerde: (f, c, ctx) => createKeySerde(f, c, ctx),
    createValueSerde: (f, c, ctx) => createValueSerde(f, c, ctx),
    splitStatements: (sql) =>
      sql
        .split(';')
        .filter((s) => s.trim())
        .map((s) => `${s.trim()};`),
    parseStatements: () => [],
  };
}

const registry: SchemaRegistryClient = {
  register: () => Promise.resolve(1),
  getLatest: () => Promise.resolve(undefined),
  getById: () => Promise.resolve(undefined),
  getCachedById: () => undefined,
  listSubjects: () => Promise.resolve([]),
};

function fakeEngine(opts: { window?: KeyFormat['window'] }): KsqlEngine {
  const topics = createInMemoryTopicLog();
  const sources: SourceInfo[] = [];
  const source = (
    name: string,
    topic: string,
    value: 'JSON' | 'DELIMITED',
    window?: KeyFormat['window'],
  ): SourceInfo => ({
    name,
    type: 'STREAM',
    topic,
    schema: {
      key: [{ name: 'ID', type: { kind: 'BIGINT' }, namespace: 'KEY' }],
      value: [{ name: 'V', type: { kind: 'STRING' }, namespace: 'VALUE' }],
    },
    keyFormat: { info: { format: 'KAFKA', properties: {} }, features: [], ...(window ? { window } : {}) },
    valueFormat: { info: { format: value, properties: {} }, features: [] },
    isSource: false,
    statement: '',
  });
  const run = (sql: string): void => {
    if (sql.startsWith('BOOM')) throw new KsqlStatementError('boom: statement rejected');
    if (sql.startsWith('NOPE')) throw new KsqlUnsupportedError('joins');
    if (sql.startsWith('WRAPPED')) {
      throw new KsqlStatementError('unsupported: windows', sql, {
        cause: new KsqlUnsupportedError('windows'),
      });
    }
    if (sql.startsWith('CREATE STREAM IN')) sources.push(source('IN', 'in', 'JSON'));
    if (sql.startsWith('CREATE STREAM OUT')) {
      topics.createTopic('OUT', 1);
      sources.push(source('OUT', 'OUT', 'DELIMITED', opts.window));
    }
  };
  return {
    topics,
    registry,
    async execute(script): Promise<StatementResult[]> {
      if (script.startsWith('HANG')) await new Promise(() => undefined);
      const results: StatementResult[] = [];
      for (const sql of script.split('\n')) {
        run(sql);
        const created = sql.startsWith('CREATE STREAM') ? sources.at(-1) : undefined;
        results.push(
          created
            ? { kind: 'SourceCreated', source: created, statement: sql }
            : { kind: 'RowInserted', statement: sql },
        );
      }
      return results;
    },
    async produce(topic, record) {
      const stored = topics.append(topic, record);
      if (topic === 'in' && sources.some((s) => s.name === 'OUT')) {
        const v =
          record.value === null
            ? null
            : (JSON.parse(Buffer.from(record.value).toString()) as { v: string }).v;
        let key = record.key;
        if (opts.window && key) {
          const k = new Uint8Array(key.length + 8);
          k.set(key);
          new DataView(k.buffer).setBigInt64(key.length, 0n);
          key = k;
        }
        topics.append('OUT', { ...record, key, value: v === null ? null : new TextEncoder().encode(v) });
      }
      return stored;
    },
    planTransientTopology() {
      throw new KsqlUnsupportedError('transient aggregations in the fake engine');
    },
    decode(sourceName, records): DecodedRecord[] {
      const s = sources.find((x) => x.name === sourceName)!;
      return records.map((r) => ({
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        timestamp: r.timestamp,
        key: [r.key === null ? null : new DataView(r.key.buffer, r.key.byteOffset).getBigInt64(0)],
        value: r.value === null ? null : [Buffer.from(r.value).toString()],
        keyColumns: s.schema.key,
        valueColumns: s.schema.value,
      }));
    },
    getSource: (name) => sources.find((s) => s.name === name),
    listSources: () => sources,
    listQueries: () =>
      sources.some((s) => s.name === 'OUT')
        ? [
            {
              id: 'CSAS_OUT_0',
              statement: '',
              sinks: ['OUT'],
              sinkTopics: ['OUT'],
              sources: ['IN'],
              state: 'RUNNING',
            },
          ]
        : [],
    flush: () => Promise.resolve(),
    metrics: { lateRecordsDropped: new Map(), invalidTimestampsSkipped: 0, deserializationErrors: 0 },
    processingLog: [],
    close: () => Promise.resolve(),
  };
}
