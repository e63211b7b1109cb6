import type { KsqlDbClient, KsqlEntity, KsqlRequest, ServerInfo } from './ksqldb-client.ts';
import { DeployError } from './errors.ts';

/**
 * A stand-in for the ksqlDB REST API for fast unit tests of the deploy logic: it keeps the
 * migration metadata rows that INSERT statements write and answers the pull queries that
 * read them. Statements matching `failOn` are rejected like ksqlDB rejects bad SQL.
 */
export class FakeKsqlDb {
  readonly executed: KsqlRequest[] = [];
  readonly rows = new Map<string, string[]>();
  streams = new Set<string>();
  tables = new Set<string>();
  failOn: RegExp | undefined;

  client(): KsqlDbClient {
    return {
      baseUrl: 'http://fake:8088',
      info: async (): Promise<ServerInfo> => ({ version: '8.0.0', ksqlServiceId: 'default_' }),
      ksql: async (req: KsqlRequest) => this.ksql(req),
      commandStatus: async () => ({ status: 'SUCCESS', message: 'done' }),
      pullQuery: async (sql: string) => {
        const key = /VERSION_KEY = '([^']*)'/.exec(sql)?.[1] ?? '';
        const row = this.rows.get(key);
        return row ? [row] : [];
      },
    } as unknown as KsqlDbClient;
  }

  private async ksql(req: KsqlRequest): Promise<KsqlEntity[]> {
    this.executed.push(req);
    const sql = req.ksql;
    if (this.failOn?.test(sql) && !sql.startsWith('INSERT INTO MIGRATION_EVENTS')) {
      throw new DeployError('Exception while preparing statement: FOO does not exist.', {
        serverCode: 40001,
        retriable: false,
      });
    }
    if (/^SHOW STREAMS/i.test(sql))
      return [{ '@type': 'streams', streams: [...this.streams].map((name) => ({ name })) }];
    if (/^SHOW TABLES/i.test(sql))
      return [{ '@type': 'tables', tables: [...this.tables].map((name) => ({ name })) }];
    const create = /^CREATE (STREAM|TABLE) (?:IF NOT EXISTS )?(\w+)/i.exec(sql);
    if (create)
      (create[1]!.toUpperCase() === 'STREAM' ? this.streams : this.tables).add(create[2]!.toUpperCase());
    const insert = /^INSERT INTO MIGRATION_EVENTS \([^)]*\) VALUES \((.*)\);$/s.exec(sql);
    if (insert) {
      const values = [...insert[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
      const [key, version, name, state, checksum, startedOn, completedOn, previous, errorReason] = values;
      this.rows.set(key!, [
        version!,
        name!,
        state!,
        checksum!,
        startedOn!,
        completedOn!,
        previous!,
        errorReason!,
      ]);
      return [];
    }
    return [
      {
        '@type': 'currentStatus',
        statementText: sql,
        commandId: 'stream/`X`/create',
        commandStatus: { status: 'SUCCESS', message: 'Created query with ID CTAS_X_1' },
        commandSequenceNumber: this.executed.length,
      },
    ];
  }
}
