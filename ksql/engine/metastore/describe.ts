import type { SourceInfo } from '../api.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { MetaStore } from './metastore.ts';

/** DESCRIBE's `sourceDescription` entity (reference d.2). */
export function describeSource(
  source: SourceInfo,
  metastore: MetaStore,
  extended: boolean,
): Record<string, unknown> {
  const field = (c: { name: string; type: SqlType; namespace: string }): Record<string, unknown> => ({
    name: c.name,
    schema: schemaEntity(c.type),
    ...(c.namespace === 'KEY' ? { type: 'KEY' } : {}),
  });
  return {
    name: source.name,
    windowType: source.keyFormat.window?.type ?? null,
    readQueries: metastore.readersOf(source.name).map(queryRef),
    writeQueries: metastore.writersOf(source.name).map(queryRef),
    fields: [...source.schema.key, ...source.schema.value].map(field),
    type: source.type,
    timestamp: source.timestampColumn?.column ?? '',
    statistics: '',
    errorStats: '',
    extended,
    keyFormat: source.keyFormat.info.format,
    valueFormat: source.valueFormat.info.format,
    topic: source.topic,
    partitions: 0,
    replication: 0,
    statement: source.statement,
    queryOffsetSummaries: [],
    sourceConstraints: [],
    clusterStatistics: [],
    clusterErrorStats: [],
  };
}

function queryRef(q: {
  id: string;
  statement: string;
  sinks: readonly string[];
  sinkTopics: readonly string[];
}): Record<string, unknown> {
  return {
    queryString: q.statement,
    sinks: q.sinks,
    sinkKafkaTopics: q.sinkTopics,
    id: q.id,
    statusCount: { RUNNING: 1 },
    queryType: 'PERSISTENT',
    state: 'RUNNING',
  };
}

function schemaEntity(t: SqlType): Record<string, unknown> {
  switch (t.kind) {
    case 'DECIMAL':
      return {
        type: 'DECIMAL',
        fields: null,
        memberSchema: null,
        parameters: { precision: t.precision, scale: t.scale },
      };
    case 'ARRAY':
      return { type: 'ARRAY', fields: null, memberSchema: schemaEntity(t.element) };
    case 'MAP':
      return { type: 'MAP', fields: null, memberSchema: schemaEntity(t.value) };
    case 'STRUCT':
      return {
        type: 'STRUCT',
        fields: t.fields.map((f) => ({ name: f.name, schema: schemaEntity(f.type) })),
        memberSchema: null,
      };
    case 'INT':
      return { type: 'INTEGER', fields: null, memberSchema: null };
    default:
      return { type: t.kind, fields: null, memberSchema: null };
  }
}
