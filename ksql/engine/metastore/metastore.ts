import type { QueryInfo, SourceInfo } from '../api.ts';
import { transition, type QueryState } from './query-lifecycle.ts';

/** A running persistent query as the metastore sees it. */
export interface QueryEntry {
  readonly id: string;
  readonly statement: string;
  readonly sinks: readonly string[];
  readonly sinkTopics: readonly string[];
  readonly sources: readonly string[];
  state: QueryState;
  /** Stops the query's subscriptions; set when the runtime starts it. */
  stop?: () => void;
}

/**
 * Streams, tables and persistent queries of one engine. Source names are stored as resolved by
 * the parser (upper case unless quoted); lookups are exact.
 */
export class MetaStore {
  private readonly sources = new Map<string, SourceInfo>();
  private readonly queries = new Map<string, QueryEntry>();
  private queryCounter = 0;

  getSource(name: string): SourceInfo | undefined {
    return this.sources.get(name);
  }

  putSource(source: SourceInfo): void {
    this.sources.set(source.name, source);
  }

  deleteSource(name: string): void {
    this.sources.delete(name);
  }

  listSources(): SourceInfo[] {
    return [...this.sources.values()];
  }

  /** Query ids as ksqlDB builds them: `CSAS_<SINK>_<n>`, `CTAS_<SINK>_<n>`, `INSERTQUERY_<n>`. */
  nextQueryId(prefix: string): string {
    return `${prefix}_${this.queryCounter++}`;
  }

  addQuery(entry: QueryEntry): void {
    this.queries.set(entry.id, entry);
  }

  getQuery(id: string): QueryEntry | undefined {
    return this.queries.get(id);
  }

  setQueryState(entry: QueryEntry, to: QueryState): void {
    entry.state = transition(entry.state, to, entry.id);
  }

  /** Live (not terminated) queries. */
  liveQueries(): QueryEntry[] {
    return [...this.queries.values()].filter((q) => q.state !== 'TERMINATED');
  }

  removeQuery(id: string): void {
    this.queries.delete(id);
  }

  /** Live queries reading `source`. */
  readersOf(source: string): QueryEntry[] {
    return this.liveQueries().filter((q) => q.sources.includes(source));
  }

  /** Live queries writing `source`. */
  writersOf(source: string): QueryEntry[] {
    return this.liveQueries().filter((q) => q.sinks.includes(source));
  }

  queryInfos(): QueryInfo[] {
    return this.liveQueries().map((q) => ({
      id: q.id,
      statement: q.statement,
      sinks: q.sinks,
      sinkTopics: q.sinkTopics,
      sources: q.sources,
      state: q.state === 'ERROR' ? 'ERROR' : q.state === 'TERMINATED' ? 'TERMINATED' : 'RUNNING',
    }));
  }
}
