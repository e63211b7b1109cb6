import { frameJsonSr, unframeJsonSr } from '../serde/json-sr/wire-format.ts';
import type { Actual } from './actual-value.ts';
import { stringifyJson, type JsonValue } from './json.ts';
import { jsonActual } from './record-codec.ts';

/**
 * QTT's ValueSpecJsonSerdeSupplier with schemas (SerdeUtil for JSON_SR): a record field is
 * written as its JSON text behind the prefix `00 00 00 00 01` (magic byte and a fixed schema
 * id 1, whatever the registry holds), and read back with ksqlDB's JsonSerdeUtils.readJsonSR
 * (magic byte checked, id skipped) into what the JSON comparator takes.
 */
export function encodeJsonSr(spec: JsonValue): Uint8Array {
  return frameJsonSr(1, new Uint8Array(Buffer.from(stringifyJson(spec), 'utf8')));
}

export function decodeJsonSr(bytes: Uint8Array): Actual {
  return jsonActual(unframeJsonSr(bytes));
}
