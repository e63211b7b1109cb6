import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { array, BIGINT, decimal, INT, map, STRING, struct, TIMESTAMP } from '../../types/sql-type.ts';
import { InMemorySchemaRegistry } from '../in-memory-registry.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { keyCol, keyFormat, valCol, valueFormat } from '../test-helpers.ts';

const hex = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

describe('PROTOBUF serde', () => {
  const columns = [
    valCol('I', INT),
    valCol('B', BIGINT),
    valCol('S', STRING),
    valCol('D', decimal(6, 4)),
    valCol('T', TIMESTAMP),
    valCol('A', array(INT)),
    valCol('M', map(STRING, BIGINT)),
    valCol('ST', struct([{ name: 'F', type: STRING }])),
  ];

  it('registers the generated schema and round-trips every column', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('PROTOBUF'), columns, {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const latest = registry.getLatestSync('t-value');
    expect(latest?.schema.schemaType).toBe('PROTOBUF');
    expect(latest?.schema.schema).toContain('message ConnectDefault1 {');
    const row = [
      -5,
      9007199254740993n,
      'x',
      new Decimal(100000n, 4),
      -1,
      [1, 2],
      new Map([['k', 3n]]),
      new Struct(['F'], ['f']),
    ];
    const bytes = serde.serialize(row);
    expect(hex(bytes)?.slice(0, 12)).toBe(`00${latest!.id.toString(16).padStart(8, '0')}00`);
    expect(serde.deserialize(bytes)).toEqual(row);
  });

  it('reads NULLs back as proto3 defaults: scalars 0 / "", arrays and maps empty, messages NULL', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('PROTOBUF'), columns, {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const bytes = serde.serialize(columns.map(() => null));
    expect(hex(bytes)).toBe('000000000100'); // nothing on the wire after the header
    expect(serde.deserialize(bytes)).toEqual([0, 0n, '', null, null, [], new Map(), null]);
  });

  it('writes a single key column wrapped in a message', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createKeySerde(keyFormat('PROTOBUF'), [keyCol('K', STRING)], {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    expect(registry.getLatestSync('t-key')?.schema.schema).toBe(
      'syntax = "proto3";\n\nmessage ConnectDefault1 {\n  string K = 1;\n}\n',
    );
    const bytes = serde.serialize(['a']);
    expect(hex(bytes)).toBe('0000000001000a0161'); // field 1, length 1, "a"
    expect(serde.deserialize(bytes).key).toEqual(['a']);
  });

  it('writes with the schema id and the message named by fullSchemaName', async () => {
    const registry = new InMemorySchemaRegistry();
    registry.registerSync(
      't-value',
      {
        schemaType: 'PROTOBUF',
        schema: 'syntax = "proto3"; message V1 { float c1 = 1; } message V2 { uint64 A = 1; string B = 2; }',
      },
      101,
    );
    const serde = await createValueSerde(
      valueFormat('PROTOBUF', { properties: { schemaId: '101', fullSchemaName: 'V2' } }),
      [valCol('A', BIGINT), valCol('B', STRING)],
      { topic: 't', sourceName: 'T', registry, registerSchema: false },
    );
    const bytes = serde.serialize([5n, 'b']);
    // id 101, message indexes [1] (count 1, index 1 as zig-zag varints), A = 5, B = "b"
    expect(hex(bytes)).toBe('00000000650202' + '0805' + '120162');
    expect(serde.deserialize(bytes)).toEqual([5n, 'b']);
  });

  it('rejects MAP keys other than STRING with ksqlDB’s message', async () => {
    const registry = new InMemorySchemaRegistry();
    await expect(
      createValueSerde(valueFormat('PROTOBUF'), [valCol('M', map(INT, INT))], {
        topic: 't',
        sourceName: 'T',
        registry,
      }),
    ).rejects.toThrow('PROTOBUF format only supports MAP types with STRING keys');
  });
});
