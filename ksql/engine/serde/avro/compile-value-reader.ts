import type { SqlType } from '../../types/sql-type.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { attr, baseType, type AvroNames } from './avro-schema-walk.ts';
import { ABORT, type AvroByteReader } from './avro-byte-reader.ts';

/** Reads one value from the cursor, already converted to the runtime value of the column type. */
export type ValueReader = (r: AvroByteReader) => unknown;

/**
 * Compiles the reader of one field: Avro binary written with the WRITER schema `schema` →
 * the runtime value of the reader column type `type`, with the conversions `avroToValue`
 * applies to avsc's output (int → BIGINT/DOUBLE/TIMESTAMP widening, long → TIMESTAMP/DOUBLE,
 * float → DOUBLE, enum → STRING, `[null, T]` unions). Returns undefined for the pairs it does
 * not compile (records, arrays, maps, bytes, decimals, ambiguous unions, and every pair
 * `avroToValue` rejects): the whole record is then decoded by avsc and `toStruct`.
 */
export function compileValueReader(
  schema: AvroSchema,
  names: AvroNames,
  type: SqlType,
): ValueReader | undefined {
  const node = names.resolve(schema);
  if (Array.isArray(node)) return unionReader(node as readonly AvroSchema[], names, type);
  switch (baseType(node)) {
    case 'null':
      return () => null;
    case 'boolean':
      return type.kind === 'BOOLEAN' ? (r) => r.readBoolean() : undefined;
    case 'int':
      return intReader(type);
    case 'long':
      return longReader(type);
    case 'float':
      return type.kind === 'DOUBLE' ? (r) => r.readFloat() : undefined;
    case 'double':
      return type.kind === 'DOUBLE' ? (r) => r.readDouble() : undefined;
    case 'string':
      return type.kind === 'STRING' ? (r) => r.readString() : undefined;
    case 'enum':
      return type.kind === 'STRING' ? enumReader(attr(node, 'symbols') as readonly string[]) : undefined;
    default:
      return undefined;
  }
}

function intReader(type: SqlType): ValueReader | undefined {
  switch (type.kind) {
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'DOUBLE':
      return (r) => r.readInt();
    case 'BIGINT':
      return (r) => BigInt(r.readInt());
    default:
      return undefined;
  }
}

/** avsc reads longs as 64-bit bigints here (avsc-type.ts); TIMESTAMP and DOUBLE take `Number()` of it. */
function longReader(type: SqlType): ValueReader | undefined {
  switch (type.kind) {
    case 'BIGINT':
      return (r) => {
        const n = r.readLongNumber();
        return n === n ? BigInt(n) : r.readLongBigint();
      };
    case 'TIMESTAMP':
    case 'DOUBLE':
      return (r) => {
        const n = r.readLongNumber();
        return n === n ? n : Number(r.readLongBigint());
      };
    default:
      return undefined;
  }
}

function enumReader(symbols: readonly string[]): ValueReader {
  return (r) => {
    const symbol = symbols[r.readInt()];
    if (symbol === undefined) throw ABORT;
    return symbol;
  };
}

/** Unions with one non-null branch, as avsc reads them unwrapped (`wrapUnions: 'auto'`). */
function unionReader(
  branches: readonly AvroSchema[],
  names: AvroNames,
  type: SqlType,
): ValueReader | undefined {
  const nonNull = branches.filter((b) => b !== 'null');
  if (nonNull.length !== 1) return undefined;
  const inner = compileValueReader(nonNull[0] as AvroSchema, names, type);
  if (!inner) return undefined;
  const valueIndex = branches.indexOf(nonNull[0] as AvroSchema);
  const nullIndex = branches.indexOf('null');
  return (r) => {
    const i = r.readInt();
    if (i === valueIndex) return inner(r);
    if (i === nullIndex) return null;
    throw ABORT;
  };
}
