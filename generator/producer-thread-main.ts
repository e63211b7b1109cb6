/** Entry point of a producer thread (see ThreadProducer): one idempotent kafkajs producer. */
import { parentPort } from 'node:worker_threads';
import { Kafka, type Producer } from 'kafkajs';
import { type FromThread, type ToThread, unpack } from './producer-thread.ts';
import { presetPartitioner } from './partition.ts';

if (!parentPort) throw new Error('producer-thread-main.ts runs as a worker thread');
const port = parentPort;
let producer: Producer | undefined;
const reply = (m: FromThread) => port.postMessage(m);

port.on('message', (m: ToThread) => {
  void handle(m);
});

async function handle(m: ToThread): Promise<void> {
  switch (m.kind) {
    case 'connect':
      try {
        producer = new Kafka(m.kafka).producer({ ...m.producer, createPartitioner: presetPartitioner });
        await producer.connect();
        reply({ kind: 'connected' });
      } catch (err) {
        reply({ kind: 'failed', id: undefined, message: (err as Error).message });
      }
      return;
    case 'send':
      try {
        await (producer as Producer).sendBatch(unpack(m.send));
        reply({ kind: 'sent', id: m.send.id });
      } catch (err) {
        reply({ kind: 'failed', id: m.send.id, message: (err as Error).message });
      }
      return;
    case 'disconnect':
      await producer?.disconnect().catch(() => undefined);
      reply({ kind: 'disconnected' });
  }
}
