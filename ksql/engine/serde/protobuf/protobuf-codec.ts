import { resolveWriterSchema } from '../writer-schema.ts';
import type protobuf from 'protobufjs';
import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { SchemaNotCachedError } from '../avro/avro-codec.ts';
import type { RowCodec } from '../row-codec.ts';
import type { RegisteredSchema, SchemaRegistryClient } from '../schema-registry.ts';
import type { SerdeContext } from '../serde-factory.ts';
import type { FormatInfo } from '../serde-types.ts';
import { generateProtobufSchema } from './proto-schema-gen.ts';
import {
  messageAt,
  messageIndexes,
  messageNamed,
  parseProtobufSchema,
  type ParsedProto,
} from './proto-schema-parse.ts';
import { protoToRow, TO_OBJECT } from './proto-to-value.ts';
import { resolveReferences } from './schema-references.ts';
import { rowToProto } from './value-to-proto.ts';
import { frameProtobuf, unframeProtobuf } from './wire-format.ts';

/**
 * PROTOBUF rows in Confluent's wire format (wire-format.ts). Keys and values are always a
 * message: the format supports no single-field unwrapping.
 *
 * Writing uses the schema given by `schemaId` (KEY_SCHEMA_ID/VALUE_SCHEMA_ID), else the schema
 * generated from the columns (proto-schema-gen.ts) registered under `<topic>-key` /
 * `<topic>-value` as `registerSchema` says (same rules as AVRO: true registers, 'if-absent'
 * and false write with the subject's latest schema when there is one). The message written is
 * the one named by `fullSchemaName` (KEY/VALUE_SCHEMA_FULL_NAME), else the file's first.
 * Reading uses the WRITER schema and message named by each record's id and message indexes,
 * from the registry client's cache, and matches columns to fields by name.
 */
export async function protobufCodec(
  info: FormatInfo,
  columns: readonly Column[],
  isKey: boolean,
  ctx: SerdeContext,
): Promise<RowCodec> {
  const registry = ctx.registry;
  if (!registry) throw new KsqlStatementError('PROTOBUF format requires a schema registry');
  const subject = `${ctx.topic}-${isKey ? 'key' : 'value'}`;
  const fullName = info.properties['fullSchemaName'];
  const references = new Map<string, string>();

  const resolved = await resolveWriterSchema(
    registry,
    subject,
    'PROTOBUF',
    info.properties['schemaId'],
    ctx.registerSchema,
    () => generateProtobufSchema(columns, fullName),
  );
  const writerId = resolved.id;
  const writer = await parse(resolved.schema, registry, references);
  const writerType = messageNamed(writer, fullName);
  const writerIndexes = messageIndexes(writer, writerType);
  const readers = new Map<number, ParsedProto>([[writerId, writer]]);

  return {
    encode(values) {
      if (writerId < 0) throw new Error(`no schema registered for subject ${subject}`);
      const message = writerType.fromObject(rowToProto(writerType, columns, values));
      return frameProtobuf(writerId, writerIndexes, writerType.encode(message).finish());
    },
    decode(bytes) {
      const framed = unframeProtobuf(bytes);
      const type = messageAt(readerFor(framed.schemaId, readers, registry, references), framed.indexes);
      const decoded: protobuf.Message = type.decode(framed.body);
      return protoToRow(type, type.toObject(decoded, TO_OBJECT), columns);
    },
  };
}

async function parse(
  schema: RegisteredSchema,
  registry: SchemaRegistryClient,
  references: Map<string, string>,
): Promise<ParsedProto> {
  await resolveReferences(registry, schema, references);
  return parseProtobufSchema(schema.schema, references);
}

function readerFor(
  id: number,
  cache: Map<number, ParsedProto>,
  registry: SchemaRegistryClient,
  references: ReadonlyMap<string, string>,
): ParsedProto {
  const hit = cache.get(id);
  if (hit) return hit;
  const registered = registry.getCachedById(id);
  if (!registered || (registered.references ?? []).some((r) => !references.has(r.name))) {
    throw new SchemaNotCachedError(id);
  }
  const parsed = parseProtobufSchema(registered.schema, references);
  cache.set(id, parsed);
  return parsed;
}
