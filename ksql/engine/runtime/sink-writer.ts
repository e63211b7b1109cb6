import { KsqlSerdeError, KsqlStreamsError } from '../errors.ts';
import type { QueryPlan } from '../plan/query-plan.ts';
import type { KeySerde, ValueSerde, WindowBounds } from '../serde/serde-types.ts';
import { kafkaPartition } from '../topics/kafka-partitioner.ts';
import type { TopicLog } from '../topics/topic-log.ts';

/**
 * Serializes result rows and appends them to the sink topic. Applies the C*AS
 * `WITH (TIMESTAMP=...)` override (null/negative → record dropped, e.10). A serialization
 * failure is fatal for the query, as in ksqlDB ("Exception caught in process", sum.json).
 * Windowed keys are partitioned by their key without the window, as Kafka Streams'
 * WindowedStreamPartitioner does, so every window of a key lands in the same partition.
 */
export function createSinkWriter(
  plan: QueryPlan,
  topics: TopicLog,
  keySerde: KeySerde,
  valueSerde: ValueSerde,
): (
  key: readonly unknown[],
  value: readonly unknown[] | null,
  ts: number,
  window: WindowBounds | undefined,
) => void {
  const topic = plan.sink.topic;
  const st = plan.sinkTimestamp;
  const partitions = topics.describeTopic(topic)?.partitions ?? 1;
  const sinkWindow = plan.sink.keyFormat.window;
  const windowBytes = sinkWindow ? (sinkWindow.type === 'SESSION' ? 16 : 8) : 0;
  return (key, value, ts, window) => {
    let timestamp = ts;
    if (st) {
      const raw = st.namespace === 'KEY' ? key[st.index] : value ? value[st.index] : null;
      const t = st.parse(raw ?? null);
      if (t === null) return;
      timestamp = t;
    }
    let k: Uint8Array | null;
    let v: Uint8Array | null;
    try {
      k = keySerde.serialize(key, window);
      v = valueSerde.serialize(value);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new KsqlStreamsError(
        `Exception caught in process. taskId=0_0, processor=KSTREAM-SOURCE-0000000000, topic=${plan.source.topic}, partition=0. ${msg}`,
        {
          cause: e instanceof KsqlSerdeError ? e : undefined,
        },
      );
    }
    const partition =
      window && k !== null && partitions > 1
        ? kafkaPartition(k.subarray(0, k.length - windowBytes), partitions)
        : undefined;
    topics.append(topic, { timestamp, key: k, value: v, headers: [], partition });
  };
}
