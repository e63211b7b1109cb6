import { readFileSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { join } from 'node:path';
import { loadConnectors } from '../connect/config/load.ts';
import { createLocalSink } from '../connect/sink/local-sink.ts';
import { InMemoryOffsetStore, tpKey } from '../connect/sink/source.ts';
import type { JdbcSinkTask } from '../connect/sink/task.ts';
import type { GeneratedEvent } from '../generator/events.ts';
import { ORDERS_SCHEMA_TEXT } from '../generator/order.ts';
import { loadMigrationFiles } from '../ksql/deploy/migration-files.ts';
import { loadDefaultVariables } from '../ksql/deploy/variables.ts';
import type { KsqlEngine } from '../ksql/engine/api.ts';
import { createEngine } from '../ksql/engine/engine.ts';
import { createInMemoryTopicLog } from '../ksql/engine/topics/in-memory-topic-log.ts';
import { OrderFeed } from './feed.ts';
import type { Warehouse } from './warehouse.ts';

/**
 * The local runtime wired end to end: generated events → topic `orders` (Confluent Avro) →
 * the engine running ksql/migrations exactly as deployed → output topics → the local JDBC sink
 * applying connect/*.json → Postgres. One process, no Docker.
 */
export interface LocalPipelineOptions {
  readonly warehouse: Warehouse;
  /** Repository root holding ksql/ and connect/ (default: the current directory). */
  readonly root?: string;
  /** Overrides of ksql/variables.json defaults (like deploy-queries --define). */
  readonly variables?: Readonly<Record<string, string>>;
  /** Wall clock (commit interval, record timestamps); injectable for tests. */
  readonly clock?: () => number;
  /** `production`: ksqlDB's record cache and commit interval; `test`: every update emitted. */
  readonly mode?: 'production' | 'test';
  readonly orderPartitions?: number;
  /** Records kept per topic partition by the in-memory log (default 500,000). */
  readonly retainRecordsPerPartition?: number;
  readonly log?: (line: string) => void;
}

/** Records processed between two turns of the event loop (~2-5 ms of engine work). */
const YIELD_EVERY = 250;

export interface PipelineCounters {
  ordersProduced: number;
  poisonProduced: number;
  truth: number;
}

export class LocalPipeline {
  readonly counters: PipelineCounters = { ordersProduced: 0, poisonProduced: 0, truth: 0 };
  private constructor(
    readonly engine: KsqlEngine,
    readonly sinks: ReadonlyMap<string, JdbcSinkTask>,
    private readonly feed: OrderFeed,
    private readonly clock: () => number,
    private readonly offsets: InMemoryOffsetStore,
    private readonly sinkTopics: ReadonlyMap<string, readonly string[]>,
  ) {}

  static async create(options: LocalPipelineOptions): Promise<LocalPipeline> {
    const root = options.root ?? '.';
    const clock = options.clock ?? Date.now;
    const log = options.log ?? (() => {});
    // Like Kafka's retention, the in-memory log keeps a bounded tail per partition, so a long run
    // does not grow without bound; the sinks stay far closer than that (the live view shows
    // their backlog).
    const topics = createInMemoryTopicLog({
      retainRecordsPerPartition: options.retainRecordsPerPartition ?? 500_000,
    });
    const engine = createEngine({ mode: options.mode ?? 'production', clock, topics });
    // The generator registers orders.avsc before anything reads the topic (README setup path).
    const schemaId = await engine.registry.register('orders-value', {
      schemaType: 'AVRO',
      schema: ORDERS_SCHEMA_TEXT,
    });
    engine.topics.createTopic('orders', options.orderPartitions ?? 1);
    const variables = {
      ...loadDefaultVariables(join(root, 'ksql/variables.json')),
      ...(options.variables ?? {}),
    };
    for (const file of loadMigrationFiles(join(root, 'ksql/migrations')).files) {
      await engine.execute(readFileSync(file.path, 'utf8'), { variables });
      log(`ksql: applied ${file.fileName}`);
    }
    const sinks = new Map<string, JdbcSinkTask>();
    const offsets = new InMemoryOffsetStore();
    const sinkTopics = new Map<string, readonly string[]>();
    for (const connector of await loadConnectors(join(root, 'connect'))) {
      sinks.set(
        connector.name,
        await createLocalSink({
          connector: { name: connector.name, config: connector.config },
          log: engine.topics,
          registry: engine.registry,
          database: options.warehouse.sinkDatabase,
          offsets,
          errorLog: (line) => log(`sink ${connector.name}: ${line}`),
        }),
      );
      sinkTopics.set(
        connector.name,
        (connector.config.topics ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      );
      log(`sink: ${connector.name} reads ${connector.config.topics}`);
    }
    return new LocalPipeline(engine, sinks, new OrderFeed(schemaId), clock, offsets, sinkTopics);
  }

  /**
   * Produces a batch of generated events into `orders`; the engine processes them as they land.
   * Every few hundred records it yields to the event loop, so that the sinks, the commit timer
   * and the REST API keep running while a large batch (a pacer catching up) is processed.
   */
  async produce(events: readonly GeneratedEvent[]): Promise<void> {
    const now = this.clock();
    let sinceYield = 0;
    for (const event of events) {
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      const record = this.feed.toRecord(event, now);
      if (record === undefined) {
        this.counters.truth++;
        continue;
      }
      await this.engine.produce('orders', record);
      if (event.kind === 'order') this.counters.ordersProduced++;
      else this.counters.poisonProduced++;
    }
  }

  /** A Kafka Streams commit: flushes the record caches of every query to their topics. */
  async commit(): Promise<void> {
    await this.engine.flush();
  }

  /** Lets every sink consume what is in its topics now; returns records consumed. */
  async pumpSinks(): Promise<number> {
    let n = 0;
    for (const sink of this.sinks.values()) n += await sink.runOnce();
    return n;
  }

  /**
   * Runs every sink in a loop of its own until `running()` is false: each one writes as soon as
   * its topics receive records (woken by the append, not by a timer), so a busy table (a commit
   * flushing thousands of window updates) never delays another table's rows.
   */
  async runSinks(running: () => boolean, idleMs = 100): Promise<void> {
    await Promise.all(
      [...this.sinks].map(async ([name, sink]) => {
        const topics = this.sinkTopics.get(name) ?? [];
        while (running()) if ((await sink.runOnce()) === 0) await this.nextAppend(topics, idleMs);
      }),
    );
  }

  /** Resolves on the next record appended to any of `topics`, or after `ms`. */
  private nextAppend(topics: readonly string[], ms: number): Promise<void> {
    return new Promise((resolve) => {
      const offs: (() => void)[] = [];
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        for (const off of offs) off();
        resolve();
      };
      const timer = setTimeout(done, ms);
      for (const t of topics)
        if (this.engine.topics.describeTopic(t)) offs.push(this.engine.topics.subscribe(t, done));
    });
  }

  /** Output records in the sinks' topics not yet written to Postgres. */
  async sinkBacklog(): Promise<number> {
    let n = 0;
    for (const [connector, topics] of this.sinkTopics) {
      const committed = await this.offsets.load(connector);
      for (const topic of topics) {
        const partitions = this.engine.topics.describeTopic(topic)?.partitions ?? 0;
        for (let p = 0; p < partitions; p++) {
          n += this.engine.topics.read(topic, p, committed.get(tpKey(topic, p)) ?? 0).length;
        }
      }
    }
    return n;
  }

  /** Commit, then sink until nothing is left: everything produced so far is in Postgres. */
  async drain(): Promise<void> {
    await this.commit();
    while ((await this.pumpSinks()) > 0);
  }

  async close(): Promise<void> {
    for (const sink of this.sinks.values()) await sink.stop();
    await this.engine.close();
  }
}
