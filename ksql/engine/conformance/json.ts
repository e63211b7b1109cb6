import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * QTT files are read keeping every number's lexeme, as the Java driver reads them into exact
 * BigDecimals (`TestJsonMapper`): `12.30` and `12.3` differ, and longs beyond 2^53 survive.
 */
export type JsonValue = null | boolean | string | LosslessNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export { isLosslessNumber, LosslessNumber };

export function parseJson(text: string): JsonValue {
  return parse(text) as JsonValue;
}

/** Serialises keeping number lexemes as written. */
export function stringifyJson(value: JsonValue): string {
  return stringify(value) ?? 'null';
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** Java's JsonNode.isInt()/isLong(): an integral lexeme (no fraction, no exponent). */
export function isIntegralLexeme(n: LosslessNumber): boolean {
  return /^-?\d+$/.test(n.value);
}
