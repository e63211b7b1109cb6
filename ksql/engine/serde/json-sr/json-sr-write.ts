import type { Struct } from '../../types/struct.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { valueToJsonText } from '../json/json-write.ts';

/**
 * Writes a runtime value of `type` as the JSON text ksqlDB's JSON_SR serializer produces
 * (Connect's JsonSchemaData.fromConnectData with decimal.format=NUMERIC, then Jackson): the
 * plain JSON writer's text (json-write.ts) for everything but maps, which are arrays of
 * `{"key":k,"value":v}` objects because ksqlDB's map keys are OPTIONAL strings and
 * JsonSchemaData writes a JSON object only for required string keys (ksql issue #10160 shows
 * this array form, and that ksqlDB's own JSON_SR deserializer then rejects it).
 */
export function valueToJsonSrText(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'ARRAY':
      return `[${(value as unknown[]).map((v) => valueToJsonSrText(v, type.element)).join(',')}]`;
    case 'MAP': {
      const entries: string[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) {
        entries.push(`{"key":${valueToJsonSrText(k, type.key)},"value":${valueToJsonSrText(v, type.value)}}`);
      }
      return `[${entries.join(',')}]`;
    }
    case 'STRUCT': {
      const s = value as Struct;
      const parts = type.fields.map(
        (f, i) => `${JSON.stringify(f.name)}:${valueToJsonSrText(s.values[i] ?? null, f.type)}`,
      );
      return `{${parts.join(',')}}`;
    }
    default:
      return valueToJsonText(value, type);
  }
}
