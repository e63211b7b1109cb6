import { ServiceUnavailableError } from '../../common/errors.ts';
import { networkReason } from '../../common/network-reason.ts';
import { DeployError } from './errors.ts';

/**
 * A small client for the ksqlDB REST API as documented in
 * docs/developer-guide/ksqldb-rest-api (see ../shared/reference/ksqldb.md, section d):
 * `GET /info`, `POST /ksql`, `GET /status/{commandId}` and `POST /query` for pull queries.
 * HTTP/1.1 only (no `/inserts-stream`, which needs HTTP/2): metadata rows are written with
 * `INSERT INTO ... VALUES` through `/ksql`, which has the same effect.
 */
export interface KsqlEntity {
  readonly '@type': string;
  readonly statementText?: string;
  readonly commandId?: string;
  readonly commandStatus?: {
    readonly status: string;
    readonly message: string;
    readonly queryId?: string | null;
  };
  readonly commandSequenceNumber?: number;
  readonly warnings?: readonly { readonly message: string }[];
  readonly [key: string]: unknown;
}

export interface KsqlRequest {
  readonly ksql: string;
  readonly streamsProperties?: Readonly<Record<string, unknown>>;
  readonly sessionVariables?: Readonly<Record<string, string>>;
  readonly commandSequenceNumber?: number;
}

export interface ServerInfo {
  readonly version: string;
  readonly ksqlServiceId: string;
  readonly serverStatus?: string;
}

const MEDIA_TYPE = 'application/vnd.ksql.v1+json';

export class KsqlDbClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async info(): Promise<ServerInfo> {
    const body = (await this.request('GET', '/info')) as { KsqlServerInfo?: ServerInfo };
    if (!body.KsqlServerInfo) {
      throw new DeployError(`${this.baseUrl}/info did not answer like a ksqlDB server`, { retriable: false });
    }
    return body.KsqlServerInfo;
  }

  /** Executes statements through `/ksql`; throws DeployError with ksqlDB's message on rejection. */
  async ksql(request: KsqlRequest): Promise<KsqlEntity[]> {
    return (await this.request('POST', '/ksql', request)) as KsqlEntity[];
  }

  async commandStatus(commandId: string): Promise<{ status: string; message: string }> {
    const path = `/status/${commandId.split('/').map(encodeURIComponent).join('/')}`;
    return (await this.request('GET', path)) as { status: string; message: string };
  }

  /** Runs a pull query through `/query` and returns its rows as column arrays. */
  async pullQuery(sql: string, sessionVariables?: Readonly<Record<string, string>>): Promise<unknown[][]> {
    const body = (await this.request('POST', '/query', {
      ksql: sql,
      streamsProperties: {},
      sessionVariables,
    })) as unknown;
    const items = Array.isArray(body) ? body : [];
    const rows: unknown[][] = [];
    for (const item of items as Record<string, unknown>[]) {
      const row = item.row as { columns?: unknown[] } | undefined;
      if (row?.columns) rows.push(row.columns);
      const error = item.errorMessage as { message?: string } | undefined;
      if (error)
        throw new DeployError(`pull query failed: ${error.message ?? 'unknown error'}`, { retriable: false });
    }
    return rows;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { Accept: MEDIA_TYPE, 'Content-Type': MEDIA_TYPE },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = networkReason(err);
      throw new ServiceUnavailableError(
        'ksqlDB',
        this.baseUrl,
        `cannot reach ksqlDB at ${this.baseUrl} (${reason})`,
        {
          hint: 'start the server (docker compose up -d, or npm run ksql-server) or pass --server / KSQLDB_URL',
          cause: err,
        },
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text.length === 0 ? null : JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      const error = (parsed ?? {}) as { message?: string; error_code?: number; statementText?: string };
      throw new DeployError(error.message ?? `HTTP ${response.status} from ${url}`, {
        serverCode: error.error_code ?? response.status * 100,
        statement: error.statementText,
        retriable: response.status >= 500,
      });
    }
    return parsed;
  }
}
