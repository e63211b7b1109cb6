import type { AvroSchema } from './avro-schema-gen.ts';

const PRIMITIVE = /^(null|boolean|int|long|float|double|bytes|string)$/;

/**
 * Parses registered Avro schema text. Besides JSON it accepts a bare primitive name (`int`),
 * which some registries and test fixtures store for primitive schemas.
 */
export function parseAvroSchemaText(text: string): AvroSchema {
  const trimmed = text.trim();
  if (PRIMITIVE.test(trimmed)) return trimmed;
  return JSON.parse(trimmed) as AvroSchema;
}
