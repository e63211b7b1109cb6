import { parse } from 'lossless-json';
import type { Column } from '../../schema/logical-schema.ts';
import type { RowCodec } from '../row-codec.ts';
import { isObject, jsonToValue, readStruct } from './json-read.ts';
import { valueToJsonText } from './json-write.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON rows: an object keyed by exact column names when wrapped, the bare value when
 * unwrapped (json.json "... - anonymous - ..."). Reading keeps number lexemes (lossless-json)
 * so BIGINT and DECIMAL keep their precision; fields match case-insensitively.
 */
export function jsonCodec(columns: readonly Column[], unwrapped: boolean): RowCodec {
  const single = columns[0];
  if (unwrapped && single) {
    return {
      encode: (values) => {
        const v = values[0] ?? null;
        return v === null ? null : encoder.encode(valueToJsonText(v, single.type));
      },
      decode: (bytes) => {
        const node = parseJson(bytes);
        return node === null ? null : [jsonToValue(node, single.type)];
      },
    };
  }
  return {
    encode: (values) => {
      const parts = columns.map(
        (c, i) => `${JSON.stringify(c.name)}:${valueToJsonText(values[i] ?? null, c.type)}`,
      );
      return encoder.encode(`{${parts.join(',')}}`);
    },
    decode: (bytes) => {
      const node = parseJson(bytes);
      if (node === null) return null;
      if (!isObject(node)) {
        const s = columns.map((c) => `\`${c.name}\``).join(', ');
        throw new Error(
          `Can't convert type. sourceType: ${Array.isArray(node) ? 'ArrayNode' : 'ValueNode'}, requiredType: STRUCT<${s}>, path: $`,
        );
      }
      return readStruct(node, columns, '$').values;
    },
  };
}

export function parseJson(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  return parse(text);
}
