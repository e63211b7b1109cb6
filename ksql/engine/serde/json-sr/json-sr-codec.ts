import { resolveWriterSchema } from '../writer-schema.ts';
import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { jsonCodec } from '../json/json-codec.ts';
import type { RowCodec } from '../row-codec.ts';
import type { SerdeContext } from '../serde-factory.ts';
import type { FormatInfo } from '../serde-types.ts';
import { generateJsonSchemaText } from './json-schema-gen.ts';
import { physicalRow } from './physical-row.ts';
import { frameJsonSr, unframeJsonSr } from './wire-format.ts';

const encoder = new TextEncoder();

/**
 * JSON_SR rows: `0x00 ++ int32 schema id ++ JSON text` (ksqlDB's KsqlJsonSerdeFactory with
 * the schema registry format).
 *
 * Writing: without `schemaId`, the schema generated from the columns (json-schema-gen.ts) is
 * registered under `<topic>-key` / `<topic>-value` as `registerSchema` says (same rules as
 * AVRO and PROTOBUF: 'if-absent' and false write with the subject's latest JSON schema when
 * there is one) and rows are written as JsonSchemaData writes them (json-sr-write.ts). With
 * KEY_SCHEMA_ID / VALUE_SCHEMA_ID the row is first fitted to that schema as ksqlDB's
 * ConnectSRSchemaDataTranslator does (physical-row.ts).
 *
 * Reading is ksqlDB's KsqlJsonDeserializer over the bytes after the 5-byte prefix: the same
 * coercions and case-insensitive field matching as plain JSON; the schema id is not used.
 */
export async function jsonSrCodec(
  info: FormatInfo,
  columns: readonly Column[],
  isKey: boolean,
  unwrapped: boolean,
  ctx: SerdeContext,
): Promise<RowCodec> {
  const registry = ctx.registry;
  if (!registry) throw new KsqlStatementError('JSON_SR format requires a schema registry');
  const subject = `${ctx.topic}-${isKey ? 'key' : 'value'}`;
  const fullName = info.properties['fullSchemaName'];

  const fixedId = info.properties['schemaId'];
  const resolved = await resolveWriterSchema(registry, subject, 'JSON', fixedId, ctx.registerSchema, () =>
    generateJsonSchemaText(columns, { unwrapped, fullName }),
  );
  const writerId = resolved.id;
  // Rows are fitted to a schema given by id; a generated or latest schema fits the columns.
  const physical = physicalRow(
    columns,
    fixedId !== undefined ? resolved.schema.schema : undefined,
    unwrapped,
  );

  const json = jsonCodec(columns, unwrapped);
  return {
    encode(values) {
      if (writerId < 0) throw new Error(`no schema registered for subject ${subject}`);
      const text = physical.write(values);
      return text === null ? null : frameJsonSr(writerId, encoder.encode(text));
    },
    decode(bytes) {
      return json.decode(unframeJsonSr(bytes));
    },
  };
}
