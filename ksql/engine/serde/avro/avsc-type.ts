import avro from 'avsc';
import type { AvroSchema } from './avro-schema-gen.ts';

/** Avro `long` as JS bigint (avsc's default loses precision above 2^53). */
const LONG_AS_BIGINT = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(n);
    return buf;
  },
  fromJSON: (v: unknown) => BigInt(v as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/**
 * Parses an Avro schema into an avsc Type with bigint longs. Logical types are not
 * interpreted by avsc (decimals stay bytes, timestamps stay longs): the converters in this
 * folder apply them from the schema annotations.
 */
export function avscType(schema: AvroSchema): avro.Type {
  return avro.Type.forSchema(plain(schema) as avro.Schema, {
    registry: { long: LONG_AS_BIGINT },
    wrapUnions: 'auto',
  });
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/**
 * Drops logical-type annotations from primitive nodes (`{"type": "long", "logicalType": ...}`
 * → `"long"`) so avsc uses the bigint long for them too; the encoding is unchanged.
 */
function plain(schema: AvroSchema): unknown {
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return schema.map((s) => plain(s as AvroSchema));
  const obj = schema as Record<string, unknown>;
  const t = obj['type'];
  if (typeof t === 'string' && PRIMITIVES.has(t)) return t;
  if (typeof t !== 'string') return plain(t as AvroSchema);
  switch (t) {
    case 'record':
    case 'error':
      return {
        ...obj,
        fields: (obj['fields'] as Record<string, unknown>[]).map((f) => ({
          ...f,
          type: plain(f['type'] as AvroSchema),
        })),
      };
    case 'array':
      return { ...obj, items: plain(obj['items'] as AvroSchema) };
    case 'map':
      return { ...obj, values: plain(obj['values'] as AvroSchema) };
    default:
      return obj;
  }
}
