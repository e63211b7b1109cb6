import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KafkaConfig, Message, ProducerBatch, ProducerConfig, RecordMetadata } from 'kafkajs';
import type { SendingProducer } from './kafka-sink.ts';

/** A send as it crosses to the producer thread: one transferred buffer, no per-message objects. */
export interface PackedSend {
  readonly id: number;
  readonly topics: readonly { readonly topic: string; readonly count: number }[];
  /** All keys, concatenated; keyEnds[i] is where key i ends (UTF-16 units). */
  readonly keys: string;
  readonly keyEnds: Int32Array;
  /** All values, concatenated; valueEnds[i] is where value i ends (bytes). */
  readonly data: ArrayBuffer;
  readonly valueEnds: Int32Array;
  /** Partition per message, -1 = let the producer choose from the key. */
  readonly partitions: Int32Array;
}

export type ToThread =
  | { readonly kind: 'connect'; readonly kafka: KafkaConfig; readonly producer: ProducerConfig }
  | { readonly kind: 'send'; readonly send: PackedSend }
  | { readonly kind: 'disconnect' };

export type FromThread =
  | { readonly kind: 'connected' }
  | { readonly kind: 'sent'; readonly id: number }
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'failed'; readonly id: number | undefined; readonly message: string };

export function pack(id: number, batch: ProducerBatch): { send: PackedSend; transfer: ArrayBuffer[] } {
  const topics: { topic: string; count: number }[] = [];
  let n = 0;
  let bytes = 0;
  for (const t of batch.topicMessages ?? []) {
    topics.push({ topic: t.topic, count: t.messages.length });
    n += t.messages.length;
    for (const m of t.messages) bytes += (m.value as Buffer).length;
  }
  const data = Buffer.allocUnsafeSlow(bytes);
  const valueEnds = new Int32Array(n);
  const keyEnds = new Int32Array(n);
  const partitions = new Int32Array(n);
  let keys = '';
  let i = 0;
  let at = 0;
  for (const t of batch.topicMessages ?? []) {
    for (const m of t.messages) {
      const value = m.value as Buffer;
      data.set(value, at);
      at += value.length;
      valueEnds[i] = at;
      keys += m.key as string;
      keyEnds[i] = keys.length;
      partitions[i] = m.partition ?? -1;
      i++;
    }
  }
  const buffer = data.buffer as ArrayBuffer;
  return { send: { id, topics, keys, keyEnds, data: buffer, valueEnds, partitions }, transfer: [buffer] };
}

export function unpack(send: PackedSend): ProducerBatch {
  const data = Buffer.from(send.data);
  let i = 0;
  let valueStart = 0;
  let keyStart = 0;
  const topicMessages = send.topics.map(({ topic, count }) => {
    const messages: Message[] = new Array<Message>(count);
    for (let j = 0; j < count; j++, i++) {
      const valueEnd = send.valueEnds[i] as number;
      const keyEnd = send.keyEnds[i] as number;
      const partition = send.partitions[i] as number;
      const key = send.keys.slice(keyStart, keyEnd);
      const value = data.subarray(valueStart, valueEnd);
      messages[j] = partition >= 0 ? { key, value, partition } : { key, value };
      valueStart = valueEnd;
      keyStart = keyEnd;
    }
    return { topic, messages };
  });
  return { acks: -1, topicMessages };
}

/** tsx's ESM API module, resolved from here (an eval'd thread resolves from the working directory). */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
  /\.cjs$/,
  '.mjs',
);

/**
 * A kafkajs producer running in its own thread. kafkajs spends ~9 µs of CPU per record
 * (a record encoder with a fresh 512-byte buffer each, record batch copies, CRC32C in
 * JavaScript), three times what generating and Avro-encoding the order costs; in a worker
 * thread that work runs on another core than the generator's. The sink's rules hold unchanged:
 * `sendBatch` resolves only when the thread's producer has the broker's acks=all answer, and the
 * sink still keeps one send in flight per producer.
 */
export class ThreadProducer implements SendingProducer {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private connected: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private disconnected: (() => void) | undefined;
  private dead: Error | undefined;

  constructor() {
    // The thread's entry is TypeScript, so the thread registers tsx's loader before importing it
    // (an `--import tsx` in a worker's execArgv does not reach its entry module on Node 20).
    const entry = new URL('./producer-thread-main.ts', import.meta.url).href;
    this.worker = new Worker(
      `import(${JSON.stringify(TSX_API)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true },
    );
    this.worker.on('message', (m: FromThread) => this.onMessage(m));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      this.fail(new Error(`producer thread exited (${code})`));
      this.disconnected?.();
    });
  }

  connect(kafka: KafkaConfig, producer: ProducerConfig): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connected = { resolve, reject };
      this.post({ kind: 'connect', kafka, producer });
    });
  }

  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    if (this.dead) throw this.dead;
    const id = this.nextId++;
    const { send, transfer } = pack(id, batch);
    await new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'send', send } satisfies ToThread, transfer);
    });
    return [];
  }

  /** Disconnects the thread's producer, then ends the thread. */
  async disconnect(): Promise<void> {
    if (!this.dead) {
      await new Promise<void>((resolve) => {
        this.disconnected = resolve;
        this.post({ kind: 'disconnect' });
      });
    }
    await this.worker.terminate();
  }

  private post(m: ToThread): void {
    this.worker.postMessage(m);
  }

  private onMessage(m: FromThread): void {
    if (m.kind === 'disconnected') {
      this.disconnected?.();
    } else if (m.kind === 'connected') {
      this.connected?.resolve();
      this.connected = undefined;
    } else if (m.kind === 'sent') {
      this.pending.get(m.id)?.resolve();
      this.pending.delete(m.id);
    } else if (m.id === undefined) {
      const err = new Error(m.message);
      this.connected?.reject(err);
      this.connected = undefined;
    } else {
      this.pending.get(m.id)?.reject(new Error(m.message));
      this.pending.delete(m.id);
    }
  }

  private fail(err: Error): void {
    this.dead ??= err;
    this.connected?.reject(err);
    this.connected = undefined;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
