/**
 * Confluent's JSON Schema wire format: `0x00 ++ int32_be(schemaId) ++ JSON text`.
 * Reading follows ksqlDB's JsonSerdeUtils.readJsonSR: only the magic byte is checked, the
 * next four bytes are skipped (the schema id is not used), the rest is the JSON text.
 */
const MAGIC_BYTE = 0;
const PREFIX = 5;

export function frameJsonSr(schemaId: number, json: Uint8Array): Uint8Array {
  const out = new Uint8Array(PREFIX + json.length);
  out[0] = MAGIC_BYTE;
  new DataView(out.buffer).setInt32(1, schemaId);
  out.set(json, PREFIX);
  return out;
}

/** The JSON text of a framed record; throws ksqlDB's message when the magic byte is missing. */
export function unframeJsonSr(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0 || bytes[0] !== MAGIC_BYTE) {
    throw new Error(
      'Got unexpected JSON serialization format that did not start with the magic byte. If this stream was not serialized using the JsonSchemaConverter, then make sure the stream is declared with JSON format (not JSON_SR).',
    );
  }
  return bytes.subarray(PREFIX);
}

/** The schema id of a framed record (for readers that want the writer schema). */
export function jsonSrSchemaId(bytes: Uint8Array): number {
  if (bytes.length < PREFIX) throw new Error(`JSON_SR record of ${bytes.length} bytes has no schema id`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
}
