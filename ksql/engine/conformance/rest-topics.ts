import type { KsqlEngine } from '../api.ts';
import type { QttRun } from './case-expander.ts';
import { statementTopic } from './run-case.ts';

/**
 * The partition count of the topics a REST QTT case reads, unless the case or a statement
 * gives one. The embedded cluster RestTestExecutor runs against creates them with 4: the order
 * of the table-scan rows in `pull-queries-against-materialized-aggregates.json` is exactly
 * "partition by partition" under Kafka's partitioner with 4 partitions, and with no other count.
 */
export const REST_TOPIC_PARTITIONS = 4;

/** Creates the case's input and source topics that nothing else sizes, before `prepareTopics`. */
export function createRestTopics(engine: KsqlEngine, run: QttRun): void {
  const sized = new Set([
    ...run.testCase.topics.filter((t) => t.partitions !== undefined).map((t) => t.name),
    ...run.statements
      .filter((s) => /\bPARTITIONS\s*=/i.test(s))
      .flatMap((s) => statementTopic(s)?.name ?? []),
  ]);
  const names = [
    ...run.statements.flatMap((s) => statementTopic(s)?.name ?? []),
    ...run.testCase.inputs.map((i) => i.topic),
  ];
  for (const name of names) {
    if (!sized.has(name) && !engine.topics.describeTopic(name))
      engine.topics.createTopic(name, REST_TOPIC_PARTITIONS);
  }
}
