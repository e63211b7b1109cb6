import { describe, expect, it } from 'vitest';
import { pack, unpack } from './producer-thread.ts';

describe('producer thread transfer', () => {
  it('a send crosses as one buffer and comes back as the same messages', () => {
    const batch = {
      acks: -1,
      topicMessages: [
        {
          topic: 'orders',
          messages: [
            { key: '01KDVDNA00ZV9MEPT89929EJPY', value: Buffer.from([0, 0, 0, 0, 9, 1, 2]), partition: 4 },
            {
              key: 'malformed-01KDVDNCXRTE3VEXDAWR1M95EP',
              value: Buffer.from('{"not":"avro"}'),
              partition: 0,
            },
            { key: '', value: Buffer.alloc(0), partition: 2 },
          ],
        },
        { topic: 'orders_truth', messages: [{ key: '서울 45.9.25.180', value: Buffer.from('{"truth":1}') }] },
      ],
    };
    const { send, transfer } = pack(7, batch);
    expect(send.id).toBe(7);
    expect(transfer).toEqual([send.data]);
    expect(send.data.byteLength).toBe(7 + 14 + 0 + 11);
    const back = structuredClone(send, { transfer });
    expect(unpack(back)).toEqual(batch);
  });
});
