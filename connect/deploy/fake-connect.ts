import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process stand-in for the Kafka Connect REST API subset deploy-connectors uses (there
 * is no Connect runtime on this machine): GET/PUT /connectors/{name}/config and
 * GET /connectors/{name}/status, with Connect's status codes and error body. `behaviour`
 * decides how a connector's status evolves after each PUT.
 */
export type Behaviour =
  | { kind: 'running-after'; polls: number }
  | { kind: 'task-fails'; trace: string }
  | { kind: 'stays'; state: string }
  | { kind: 'rejects'; status: number; message: string };

interface Connector {
  config: Record<string, string>;
  polls: number;
}

export class FakeConnect {
  readonly connectors = new Map<string, Connector>();
  readonly requests: string[] = [];
  private server: Server | undefined;

  constructor(
    private readonly behaviour: (name: string) => Behaviour = () => ({ kind: 'running-after', polls: 1 }),
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests.push(`${req.method} ${req.url}`);
    const m = /^\/connectors\/([^/]+)\/(config|status)$/.exec(req.url ?? '');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!m || m[1] === undefined) return send(404, { error_code: 404, message: 'HTTP 404 Not Found' });
    const name = decodeURIComponent(m[1]);
    const existing = this.connectors.get(name);
    if (m[2] === 'config' && req.method === 'PUT') {
      const body = JSON.parse(await readBody(req)) as Record<string, string>;
      const b = this.behaviour(name);
      if (b.kind === 'rejects') return send(b.status, { error_code: b.status, message: b.message });
      if (body.name !== undefined && body.name !== name) {
        return send(400, {
          error_code: 400,
          message: "Connector name configuration (x) doesn't match connector name in the URL",
        });
      }
      this.connectors.set(name, { config: body, polls: 0 });
      return send(existing ? 200 : 201, { name, config: body, tasks: [], type: 'sink' });
    }
    if (!existing) return send(404, { error_code: 404, message: `Connector ${name} not found` });
    if (m[2] === 'config') return send(200, existing.config);
    existing.polls++;
    return send(200, this.status(name, existing));
  }

  private status(name: string, c: Connector): unknown {
    const b = this.behaviour(name);
    const worker = '127.0.0.1:8083';
    const running = { state: 'RUNNING', worker_id: worker };
    if (b.kind === 'task-fails' && c.polls >= 2) {
      return {
        name,
        connector: running,
        tasks: [{ id: 0, state: 'FAILED', worker_id: worker, trace: b.trace }],
        type: 'sink',
      };
    }
    if (b.kind === 'running-after' && c.polls >= b.polls) {
      return { name, connector: running, tasks: [{ id: 0, ...running }], type: 'sink' };
    }
    if (b.kind === 'stays')
      return { name, connector: { state: b.state, worker_id: worker }, tasks: [], type: 'sink' };
    return { name, connector: running, tasks: [], type: 'sink' };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
