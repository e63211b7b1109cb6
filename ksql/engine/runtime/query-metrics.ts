import type { ProcessingLogEntry } from '../api.ts';

/** Mutable counters behind `KsqlEngine.metrics`, shared by all running queries of an engine. */
export interface MutableMetrics {
  readonly lateRecordsDropped: Map<string, number>;
  invalidTimestampsSkipped: number;
  deserializationErrors: number;
  readonly processingLog: ProcessingLogEntry[];
}

export function createMetrics(): MutableMetrics {
  return {
    lateRecordsDropped: new Map(),
    invalidTimestampsSkipped: 0,
    deserializationErrors: 0,
    processingLog: [],
  };
}
