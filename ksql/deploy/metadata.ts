import type { KsqlDbClient } from './ksqldb-client.ts';

/**
 * The migration metadata that ksqlDB's `ksql-migrations` tool keeps
 * (`commands/InitializeMigrationCommand.java`, `util/MetadataUtil.java`; reference c.2): a
 * JSON stream of state events and a table of the latest event per version key. We write the
 * same rows, so `ksql-migrations info` and this tool agree.
 */
export type MigrationState = 'PENDING' | 'RUNNING' | 'MIGRATED' | 'ERROR';

export interface MigrationRow {
  readonly versionKey: string;
  readonly version: string;
  readonly name: string;
  readonly state: string;
  readonly checksum: string;
  readonly startedOn: string;
  readonly completedOn: string;
  readonly previous: string;
  readonly errorReason: string;
}

export interface MetadataConfig {
  readonly streamName: string;
  readonly tableName: string;
  readonly streamTopic: string;
  readonly tableTopic: string;
  readonly replicas: number;
}

/** Defaults of `MigrationConfig`: topics are `<ksqlServiceId>ksql_<name>`. */
export function defaultMetadataConfig(serviceId: string, replicas = 1): MetadataConfig {
  return {
    streamName: 'MIGRATION_EVENTS',
    tableName: 'MIGRATION_SCHEMA_VERSIONS',
    streamTopic: `${serviceId}ksql_MIGRATION_EVENTS`,
    tableTopic: `${serviceId}ksql_MIGRATION_SCHEMA_VERSIONS`,
    replicas,
  };
}

export const NO_PREVIOUS = '<none>';
export const CURRENT_KEY = 'CURRENT';

export function metadataStatements(cfg: MetadataConfig): string[] {
  return [
    `CREATE STREAM ${cfg.streamName} (
  version_key  STRING KEY,
  version      STRING,
  name         STRING,
  state        STRING,
  checksum     STRING,
  started_on   STRING,
  completed_on STRING,
  previous     STRING,
  error_reason STRING
) WITH (KAFKA_TOPIC='${cfg.streamTopic}', VALUE_FORMAT='JSON', PARTITIONS=1, REPLICAS=${cfg.replicas});`,
    `CREATE TABLE ${cfg.tableName} WITH (KAFKA_TOPIC='${cfg.tableTopic}') AS
  SELECT version_key,
         latest_by_offset(version) AS version, latest_by_offset(name) AS name,
         latest_by_offset(state) AS state, latest_by_offset(checksum) AS checksum,
         latest_by_offset(started_on) AS started_on, latest_by_offset(completed_on) AS completed_on,
         latest_by_offset(previous) AS previous, latest_by_offset(error_reason) AS error_reason
  FROM ${cfg.streamName} GROUP BY version_key;`,
  ];
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function insertRowStatement(cfg: MetadataConfig, row: MigrationRow): string {
  const values = [
    row.versionKey,
    row.version,
    row.name,
    row.state,
    row.checksum,
    row.startedOn,
    row.completedOn,
    row.previous,
    row.errorReason,
  ].map(quote);
  return `INSERT INTO ${cfg.streamName} (VERSION_KEY, VERSION, NAME, STATE, CHECKSUM, STARTED_ON, COMPLETED_ON, PREVIOUS, ERROR_REASON) VALUES (${values.join(', ')});`;
}

export class MetadataStore {
  constructor(
    private readonly client: KsqlDbClient,
    readonly cfg: MetadataConfig,
  ) {}

  async exists(): Promise<{ stream: boolean; table: boolean }> {
    const [streams] = await this.client.ksql({ ksql: 'SHOW STREAMS;' });
    const [tables] = await this.client.ksql({ ksql: 'SHOW TABLES;' });
    const names = (list: unknown): string[] =>
      Array.isArray(list) ? list.map((s: { name?: string }) => (s.name ?? '').toUpperCase()) : [];
    return {
      stream: names(streams?.streams).includes(this.cfg.streamName.toUpperCase()),
      table: names(tables?.tables).includes(this.cfg.tableName.toUpperCase()),
    };
  }

  /** Creates whichever of the stream and table is missing; returns the statements it ran. */
  async initialize(): Promise<string[]> {
    const { stream, table } = await this.exists();
    const [streamDdl, tableDdl] = metadataStatements(this.cfg);
    const ran: string[] = [];
    if (!stream && streamDdl) {
      await this.client.ksql({ ksql: streamDdl });
      ran.push(streamDdl);
    }
    if (!table && tableDdl) {
      await this.client.ksql({ ksql: tableDdl });
      ran.push(tableDdl);
    }
    return ran;
  }

  async read(versionKey: string): Promise<MigrationRow | undefined> {
    const rows = await this.client.pullQuery(
      `SELECT VERSION, NAME, STATE, CHECKSUM, STARTED_ON, COMPLETED_ON, PREVIOUS, ERROR_REASON FROM ${this.cfg.tableName} WHERE VERSION_KEY = ${quote(versionKey)};`,
    );
    const r = rows[0];
    if (!r) return undefined;
    const s = (i: number): string => (r[i] === null || r[i] === undefined ? '' : String(r[i]));
    return {
      versionKey,
      version: s(0),
      name: s(1),
      state: s(2),
      checksum: s(3),
      startedOn: s(4),
      completedOn: s(5),
      previous: s(6),
      errorReason: s(7),
    };
  }

  /** Writes a state change twice, under CURRENT and under the version, as ksql-migrations does. */
  async write(row: Omit<MigrationRow, 'versionKey'>): Promise<void> {
    await this.client.ksql({ ksql: insertRowStatement(this.cfg, { ...row, versionKey: CURRENT_KEY }) });
    await this.client.ksql({ ksql: insertRowStatement(this.cfg, { ...row, versionKey: row.version }) });
  }

  /** Writes a row under an arbitrary key (used by the deploy lock). */
  async writeKey(row: MigrationRow): Promise<void> {
    await this.client.ksql({ ksql: insertRowStatement(this.cfg, row) });
  }
}
