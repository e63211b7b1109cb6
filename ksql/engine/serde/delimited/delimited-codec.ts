import { assertNever } from '../../../../common/assert-never.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { Decimal } from '../../types/decimal.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { fitDecimal } from '../decimal-fit.ts';
import { parseJavaDouble } from '../json/json-read.ts';
import { javaDoubleToString } from '../../types/java-double-to-string.ts';
import type { RowCodec } from '../row-codec.ts';
import { formatCsvRecord, parseCsvRecord } from './csv.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * DELIMITED rows: always unwrapped, one CSV record whose field count must equal the column
 * count; empty fields are null (ksqlDB's KsqlDelimitedDeserializer / KsqlDelimitedSerializer).
 * DECIMAL is written in plain notation at its scale, TIMESTAMP/TIME as ms, DATE as days.
 */
export function delimitedCodec(columns: readonly Column[], delimiter: string): RowCodec {
  return {
    encode(values) {
      const fields = columns.map((c, i) => toField(values[i] ?? null, c.type));
      return encoder.encode(formatCsvRecord(fields, delimiter));
    },
    decode(bytes) {
      const text = decoder.decode(bytes);
      if (text.length === 0) throw new Error('No fields in record');
      const fields = parseCsvRecord(text, delimiter);
      if (fields.length !== columns.length) {
        throw new Error(`Unexpected field count, csvFields:${fields.length} schemaFields:${columns.length}`);
      }
      return columns.map((c, i) => {
        const f = fields[i] ?? null;
        return f === null || f === '' ? null : fromField(f, c.type);
      });
    },
  };
}

function toField(v: unknown, type: SqlType): string | null {
  if (v === null) return null;
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'STRING':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return String(v);
    case 'DOUBLE':
      return javaDoubleToString(v as number);
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      throw new Error(`The 'DELIMITED' format does not support type '${type.kind}'`);
    default:
      return assertNever(type, 'SQL type');
  }
}

function fromField(f: string, type: SqlType): unknown {
  switch (type.kind) {
    case 'BOOLEAN':
      return f.toLowerCase() === 'true';
    case 'INT':
    case 'DATE':
    case 'TIME':
      return parseJavaInt(f);
    case 'BIGINT':
      return parseJavaLong(f);
    case 'TIMESTAMP':
      return Number(parseJavaLong(f));
    case 'DOUBLE':
      return parseJavaDouble(f);
    case 'STRING':
      return f;
    case 'DECIMAL':
      return fitDecimal(Decimal.parse(f), type.precision, type.scale);
    case 'BYTES':
      return new Uint8Array(Buffer.from(f, 'base64'));
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      throw new Error(`Type is not supported: ${type.kind}`);
    default:
      return assertNever(type, 'SQL type');
  }
}

function parseJavaInt(f: string): number {
  if (/^[+-]?\d+$/.test(f)) {
    const v = BigInt(f);
    if (v === BigInt.asIntN(32, v)) return Number(v);
  }
  throw new Error(`For input string: "${f}"`);
}

function parseJavaLong(f: string): bigint {
  if (/^[+-]?\d+$/.test(f)) {
    const v = BigInt(f);
    if (v === BigInt.asIntN(64, v)) return v;
  }
  throw new Error(`For input string: "${f}"`);
}
