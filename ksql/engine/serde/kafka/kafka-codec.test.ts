import { describe, expect, it } from 'vitest';
import { KsqlSerdeError, KsqlStatementError } from '../../errors.ts';
import { BIGINT, BOOLEAN, DOUBLE, INT, STRING, array, decimal } from '../../types/sql-type.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { hex, keyCol, keyFormat, valCol, valueFormat } from '../test-helpers.ts';

const ctx = { topic: 't', sourceName: 'S' };

describe('KAFKA format', () => {
  it('writes big-endian primitives and reads them back', async () => {
    const cases = [
      { type: INT, value: 33, bytes: '00000021' },
      { type: INT, value: -1, bytes: 'ffffffff' },
      { type: BIGINT, value: 998877665544332211n, bytes: '0ddcb9f1ccd763b3' },
      { type: DOUBLE, value: 1.5, bytes: '3ff8000000000000' },
      { type: STRING, value: '1.2.3.4', bytes: '312e322e332e34' },
    ];
    for (const c of cases) {
      const serde = await createKeySerde(keyFormat('KAFKA'), [keyCol('K', c.type)], ctx);
      const bytes = serde.serialize([c.value]);
      expect(hex(bytes)).toBe(c.bytes);
      expect(serde.deserialize(bytes).key).toEqual([c.value]);
    }
  });

  it('maps null to a null record and back', async () => {
    const serde = await createValueSerde(valueFormat('KAFKA'), [valCol('V', INT)], ctx);
    expect(serde.serialize([null])).toBeNull();
    expect(serde.deserialize(null)).toBeNull();
  });

  it('fails on a wrong byte count with the Kafka deserializer message', async () => {
    const serde = await createValueSerde(valueFormat('KAFKA'), [valCol('V', INT)], ctx);
    expect(() => serde.deserialize(new Uint8Array([1, 2]))).toThrow(KsqlSerdeError);
    expect(() => serde.deserialize(new Uint8Array([1, 2]))).toThrow(
      'Size of data received by IntegerDeserializer is not 4',
    );
  });

  it('rejects unsupported types and several columns with ksqlDB messages (kafka.json)', async () => {
    await expect(createValueSerde(valueFormat('KAFKA'), [valCol('V', array(INT))], ctx)).rejects.toThrow(
      "The 'KAFKA' format does not support type 'ARRAY'",
    );
    await expect(createKeySerde(keyFormat('KAFKA'), [keyCol('K', BOOLEAN)], ctx)).rejects.toThrow(
      "Key format does not support schema.\nformat: KAFKA\nschema: Persistence{columns=[`K` BOOLEAN KEY], features=[]}\nreason: The 'KAFKA' format does not support type 'BOOLEAN'",
    );
    await expect(createKeySerde(keyFormat('KAFKA'), [keyCol('K', decimal(21, 19))], ctx)).rejects.toThrow(
      "The 'KAFKA' format does not support type 'DECIMAL'",
    );
    await expect(
      createValueSerde(valueFormat('KAFKA'), [valCol('V0', INT), valCol('V1', STRING)], ctx),
    ).rejects.toThrow("The 'KAFKA' format only supports a single field. Got: [`V0` INTEGER, `V1` STRING]");
    await expect(
      createValueSerde(valueFormat('KAFKA', { features: ['WRAP_SINGLES'] }), [valCol('V', INT)], ctx),
    ).rejects.toThrow(KsqlStatementError);
  });
});
