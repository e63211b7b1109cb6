import { RuntimeFailure, ServiceUnavailableError } from '../../common/errors.ts';

/** `GET /connectors/{name}/status` (Kafka Connect REST API). */
export interface ConnectorStatus {
  readonly name: string;
  readonly connector: { readonly state: string; readonly worker_id?: string; readonly trace?: string };
  readonly tasks: readonly {
    readonly id: number;
    readonly state: string;
    readonly worker_id?: string;
    readonly trace?: string;
  }[];
  readonly type?: string;
}

/** Connect answered with an error status (its body: `{"error_code": n, "message": "..."}`). */
export class ConnectRequestError extends RuntimeFailure {
  constructor(
    readonly connector: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(`Kafka Connect rejected ${connector}: HTTP ${httpStatus}: ${message}`, {
      hint: 'check the connector file and the worker log (is the JDBC sink plugin installed?)',
    });
  }
}

/** The subset of the Kafka Connect REST API that deploy-connectors uses, over Node's fetch. */
export class ConnectClient {
  private readonly base: string;

  constructor(
    readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  /** The stored config, or undefined if the connector does not exist. */
  async getConfig(name: string): Promise<Record<string, string> | undefined> {
    const res = await this.request('GET', `/connectors/${encodeURIComponent(name)}/config`, name);
    if (res.status === 404) return undefined;
    return (await this.body(res, name)) as Record<string, string>;
  }

  /** Creates or updates (idempotent). Returns true if the connector was created. */
  async putConfig(name: string, config: Readonly<Record<string, string>>): Promise<boolean> {
    const res = await this.request('PUT', `/connectors/${encodeURIComponent(name)}/config`, name, config);
    await this.body(res, name);
    return res.status === 201;
  }

  async getStatus(name: string): Promise<ConnectorStatus | undefined> {
    const res = await this.request('GET', `/connectors/${encodeURIComponent(name)}/status`, name);
    if (res.status === 404) return undefined;
    return (await this.body(res, name)) as ConnectorStatus;
  }

  private async request(method: string, path: string, _name: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const inner = (err as { cause?: { code?: string; message?: string } }).cause;
      const cause = inner?.code ?? inner?.message ?? (err as Error).message;
      throw new ServiceUnavailableError(
        'connect',
        this.url,
        `cannot reach Kafka Connect at ${this.url} (${cause})`,
        {
          hint: 'start the stack (docker compose up) or pass --connect-url / CONNECT_URL',
          cause: err,
        },
      );
    }
  }

  private async body(res: Response, name: string): Promise<unknown> {
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      json = { message: text.slice(0, 200) };
    }
    if (!res.ok) {
      const message = (json as { message?: string }).message ?? res.statusText;
      throw new ConnectRequestError(name, res.status, message);
    }
    return json;
  }
}
