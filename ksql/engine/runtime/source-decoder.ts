import type { KeySerde, ValueSerde, WindowBounds } from '../serde/serde-types.ts';
import type { KafkaRecord } from '../topics/topic-log.ts';

export type DecodeResult =
  | {
      readonly ok: true;
      readonly key: unknown[];
      readonly window: WindowBounds | undefined;
      readonly value: unknown[] | null;
    }
  | { readonly ok: false; readonly error: unknown };

/**
 * Decodes the records of one source once for all the queries reading it: subscribers are called
 * synchronously one after another for the same record, so remembering the last record suffices.
 * Consumers must not mutate the returned arrays.
 */
export function memoizedDecoder(
  keySerde: KeySerde,
  valueSerde: ValueSerde,
): (record: KafkaRecord) => DecodeResult {
  let last: KafkaRecord | undefined;
  let result: DecodeResult = { ok: false, error: undefined };
  return (record) => {
    if (record === last) return result;
    last = record;
    try {
      const k = keySerde.deserialize(record.key);
      result = { ok: true, key: k.key, window: k.window, value: valueSerde.deserialize(record.value) };
    } catch (error) {
      result = { ok: false, error };
    }
    return result;
  };
}
