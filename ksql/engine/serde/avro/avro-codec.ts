import { resolveWriterSchema } from '../writer-schema.ts';
import type avro from 'avsc';
import { KsqlSerdeError, KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import type { RowCodec } from '../row-codec.ts';
import type { SchemaRegistryClient } from '../schema-registry.ts';
import type { SerdeContext } from '../serde-factory.ts';
import type { FormatInfo } from '../serde-types.ts';
import { DEFAULT_VALUE_SCHEMA_NAME, defaultKeySchemaName } from './avro-names.ts';
import { generateAvroSchema, type AvroSchema } from './avro-schema-gen.ts';
import { parseAvroSchemaText } from './avro-schema-text.ts';
import { AvroReadAbort } from './avro-byte-reader.ts';
import { AvroNames, baseType } from './avro-schema-walk.ts';
import { compileRowReader, type RowReader } from './compile-row-reader.ts';
import { avroToValue, toStruct } from './avro-to-value.ts';
import { avscType } from './avsc-type.ts';
import { recordValue, valueToAvro } from './value-to-avro.ts';

const MAGIC_BYTE = 0;

interface ParsedSchema {
  readonly json: AvroSchema;
  readonly names: AvroNames;
  readonly type: avro.Type;
  /** The compiled reader of this writer schema into the codec's columns, when it compiles. */
  readonly rows?: RowReader | undefined;
}

/**
 * AVRO rows in Confluent's wire format: `0x00 ++ int32_be(schemaId) ++ avro binary`.
 *
 * Writing uses the schema given by `schemaId` (KEY_SCHEMA_ID/VALUE_SCHEMA_ID), else ksqlDB's
 * generated schema registered under `<topic>-key` / `<topic>-value` when the serde is created
 * (`registerSchema` true, C*AS sinks), or the subject's latest schema when it exists and
 * `registerSchema` is 'if-absent' (ksqlDB's CREATE STREAM/TABLE with columns: register only
 * if the subject is new) or false (inferred sources). Reading uses the WRITER schema named by each message's id, looked up
 * synchronously in the registry client's cache (the in-memory registry always has it; for
 * the HTTP registry the subject's latest schema is prefetched here) and resolved to the
 * reader columns by name, case-insensitively.
 */
export async function avroCodec(
  info: FormatInfo,
  columns: readonly Column[],
  isKey: boolean,
  unwrapped: boolean,
  ctx: SerdeContext,
): Promise<RowCodec> {
  const registry = ctx.registry;
  if (!registry) throw new KsqlStatementError('AVRO format requires a schema registry');
  const subject = `${ctx.topic}-${isKey ? 'key' : 'value'}`;
  const fullName = info.properties['fullSchemaName'];
  if (fullName !== undefined && fullName.trim() === '') {
    throw new KsqlStatementError(
      `fullSchemaName cannot be empty. Format configuration: {fullSchemaName=${fullName.trim()}}`,
    );
  }
  const recordName = fullName ?? (isKey ? defaultKeySchemaName(ctx.sourceName) : DEFAULT_VALUE_SCHEMA_NAME);

  const resolved = await resolveWriterSchema(
    registry,
    subject,
    'AVRO',
    info.properties['schemaId'],
    ctx.registerSchema,
    () => JSON.stringify(generateAvroSchema(columns, recordName, unwrapped)),
  );
  const writerId = resolved.id;
  const writer = parse(parseAvroSchemaText(resolved.schema.schema));

  const writerRecord = writer.names.resolve(writer.json);
  const single = columns[0];
  // Reading: records of several columns go through a reader compiled per writer schema id.
  const compile = (p: ParsedSchema): ParsedSchema => {
    const node = p.names.resolve(p.json);
    if (unwrapped || baseType(node) !== 'record') return p;
    return { ...p, rows: compileRowReader(node, p.names, columns) };
  };
  const readers = new Map<number, ParsedSchema>();
  readers.set(writerId, compile(writer));

  return {
    encode(values) {
      if (writerId < 0) throw new Error(`no schema registered for subject ${subject}`);
      let avroValue: unknown;
      if (unwrapped && single) {
        const v = values[0] ?? null;
        if (v === null) return null;
        avroValue = valueToAvro(v, writer.json, writer.names, single.type);
      } else {
        avroValue = recordValue(writerRecord, writer.names, columns, values);
      }
      const body = writer.type.toBuffer(avroValue);
      const out = new Uint8Array(5 + body.length);
      out[0] = MAGIC_BYTE;
      new DataView(out.buffer).setInt32(1, writerId);
      out.set(body, 5);
      return out;
    },
    decode(bytes) {
      if (bytes.length < 5 || bytes[0] !== MAGIC_BYTE) throw new Error('Unknown magic byte!');
      const id = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
      const schema = readerFor(id, readers, registry, compile);
      const body = Buffer.from(bytes.buffer, bytes.byteOffset + 5, bytes.byteLength - 5);
      if (schema.rows) {
        try {
          return schema.rows(body);
        } catch (e) {
          if (!(e instanceof AvroReadAbort)) throw e;
          // Malformed or unexpected bytes: avsc decides (its value or its error).
        }
      }
      const decoded = schema.type.fromBuffer(body);
      if (unwrapped && single) return [avroToValue(decoded, schema.json, schema.names, single.type)];
      if (decoded === null) return null;
      const node = schema.names.resolve(schema.json);
      if (
        typeof node !== 'object' ||
        Array.isArray(node) ||
        (node as Record<string, unknown>)['type'] !== 'record'
      ) {
        // A bare value written for a single wrapped column (tolerated like Connect does).
        if (single && columns.length === 1)
          return [avroToValue(decoded, schema.json, schema.names, single.type)];
        throw new Error('Avro value is not a record but several columns are expected');
      }
      return toStruct(decoded as Record<string, unknown>, node, schema.names, columns, '$').values;
    },
  };
}

/**
 * A record names a schema id the registry client has not loaded (e.g. registered after the
 * serde was created). Callers may `await registry.getById(error.schemaId)` and retry.
 */
export class SchemaNotCachedError extends KsqlSerdeError {
  constructor(readonly schemaId: number) {
    super(`Schema with id ${schemaId} is not known to the schema registry client`);
  }
}

function parse(json: AvroSchema): ParsedSchema {
  return { json, names: new AvroNames(json), type: avscType(json) };
}

function readerFor(
  id: number,
  cache: Map<number, ParsedSchema>,
  registry: SchemaRegistryClient,
  compile: (p: ParsedSchema) => ParsedSchema,
): ParsedSchema {
  const hit = cache.get(id);
  if (hit) return hit;
  const registered = registry.getCachedById(id);
  if (!registered) throw new SchemaNotCachedError(id);
  const parsed = compile(parse(parseAvroSchemaText(registered.schema)));
  cache.set(id, parsed);
  return parsed;
}
