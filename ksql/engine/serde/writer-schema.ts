import { KsqlStatementError } from '../errors.ts';
import type { RegisteredSchema, SchemaRegistryClient } from './schema-registry.ts';
import type { SerdeContext } from './serde-factory.ts';

/** The schema a registry-backed serializer writes with, and its id (-1: none registered). */
export interface WriterSchema {
  readonly id: number;
  readonly schema: RegisteredSchema;
}

/**
 * Picks the writer schema of an AVRO, PROTOBUF or JSON_SR serde as ksqlDB does:
 * - `*_SCHEMA_ID` given: that schema, which must exist;
 * - else, when the serde may not register (`registerSchema` false: sources whose columns were
 *   inferred) or registers only if absent, the subject's latest schema of this type;
 * - else the schema ksqlDB generates from the columns, registered under the subject (or, with
 *   `registerSchema` false and no subject, not registered: id -1, writing then fails).
 * The subject is prefetched so that HTTP registry clients can later resolve writer ids
 * synchronously when reading.
 */
export async function resolveWriterSchema(
  registry: SchemaRegistryClient,
  subject: string,
  schemaType: RegisteredSchema['schemaType'],
  fixedId: string | undefined,
  mode: SerdeContext['registerSchema'],
  generate: () => string,
): Promise<WriterSchema> {
  if (fixedId !== undefined) {
    await registry.prefetchSubject?.(subject);
    const id = Number(fixedId);
    const registered = await registry.getById(id);
    if (!registered) throw new KsqlStatementError(`Schema with id ${id} not found in the schema registry`);
    return { id, schema: registered };
  }
  const latest = await registry.getLatest(subject).catch(() => undefined);
  await registry.prefetchSubject?.(subject);
  const register = mode ?? true;
  if (latest && latest.schema.schemaType === schemaType && (register === false || register === 'if-absent'))
    return { id: latest.id, schema: latest.schema };
  const schema: RegisteredSchema = { schemaType, schema: generate() };
  return { id: register === false ? -1 : await registry.register(subject, schema), schema };
}
