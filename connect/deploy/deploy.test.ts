import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ServiceUnavailableError, UsageError } from '../../common/errors.ts';
import { resolveConnectUrl, runDeployConnectors, type DeployFlags } from './command.ts';
import { FakeConnect, type Behaviour } from './fake-connect.ts';

const TRACE = [
  'org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.',
  '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:618)',
  '\tat org.apache.kafka.connect.runtime.WorkerSinkTask.poll(WorkerSinkTask.java:334)',
  'Caused by: org.postgresql.util.PSQLException: ERROR: relation "popular_products" does not exist',
  '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)',
  '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2401)',
].join('\n');

let fake: FakeConnect | undefined;
afterEach(async () => fake?.stop());

async function run(
  behaviour: (name: string) => Behaviour,
  flags: Partial<DeployFlags> = {},
  action = 'deploy',
) {
  fake = new FakeConnect(behaviour);
  const url = await fake.start();
  let out = '';
  const code = await runDeployConnectors(
    action,
    { connectUrl: url, timeout: '5', set: [], ...flags },
    (t) => (out += t),
  );
  return { code, out, url };
}

describe('deploy-connectors against a Connect REST stand-in', () => {
  it('creates every connector and waits until it and its task are RUNNING', async () => {
    const { code, out } = await run(() => ({ kind: 'running-after', polls: 2 }));
    expect(code).toBe(0);
    expect(out).toMatch(/sink-popular-products\s+created\s+RUNNING/);
    expect(out).toContain('5 connector(s) RUNNING');
    expect(fake?.requests.filter((r) => r.startsWith('PUT'))).toEqual([
      'PUT /connectors/sink-high-value-orders/config',
      'PUT /connectors/sink-invalid-orders/config',
      'PUT /connectors/sink-popular-products/config',
      'PUT /connectors/sink-realtime-stats/config',
      'PUT /connectors/sink-suspicious-ips/config',
    ]);
    expect(fake?.connectors.get('sink-popular-products')?.config['pk.fields']).toBe(
      'PRODUCT_ID,WINDOW_START',
    );
  });

  it('is idempotent: a second run leaves identical configs alone, a changed one is updated', async () => {
    fake = new FakeConnect();
    const url = await fake.start();
    const flags = { connectUrl: url, timeout: '5', set: [] as string[] };
    const sink = () => {};
    await runDeployConnectors('deploy', flags, sink);
    let out = '';
    expect(await runDeployConnectors('deploy', flags, (t) => (out += t))).toBe(0);
    expect(out.match(/unchanged/g)).toHaveLength(5);
    out = '';
    expect(
      await runDeployConnectors('deploy', { ...flags, set: ['batch.size=500'] }, (t) => (out += t)),
    ).toBe(0);
    expect(out.match(/updated/g)).toHaveLength(5);
    expect(fake.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(10);
  });

  it('a FAILED task exits 1 and prints the first lines of its trace', async () => {
    const { code, out } = await run((name) =>
      name === 'sink-popular-products'
        ? { kind: 'task-fails', trace: TRACE }
        : { kind: 'running-after', polls: 1 },
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /sink-popular-products\s+failed\s+FAILED\n {2}task 0 FAILED\n {4}org\.apache\.kafka\.connect\.errors\.ConnectException: Exiting WorkerSinkTask/,
    );
    expect(out).toContain(
      'Caused by: org.postgresql.util.PSQLException: ERROR: relation "popular_products" does not exist',
    );
    expect(out).not.toContain('processResults'); // only the first lines
    expect(out).toMatch(/sink-suspicious-ips\s+created\s+RUNNING/); // the others still deployed
    expect(out).toContain('1 of 5 connector(s) not RUNNING');
  });

  it('gives up after the timeout, naming the state it saw', async () => {
    const { code, out } = await run(() => ({ kind: 'stays', state: 'UNASSIGNED' }), { timeout: '0.3' });
    expect(code).toBe(1);
    expect(out).toMatch(/not RUNNING after 0 s \(connector UNASSIGNED, tasks none\)/);
  });

  it("reports a rejected config with Connect's message", async () => {
    const { code, out } = await run(() => ({
      kind: 'rejects',
      status: 500,
      message: 'Failed to find any class that implements Connector',
    }));
    expect(code).toBe(1);
    expect(out).toContain('HTTP 500: Failed to find any class that implements Connector');
  });

  it("status shows each connector's state", async () => {
    fake = new FakeConnect((name) =>
      name === 'sink-realtime-stats'
        ? { kind: 'task-fails', trace: TRACE }
        : { kind: 'running-after', polls: 1 },
    );
    const url = await fake.start();
    await runDeployConnectors('deploy', { connectUrl: url, timeout: '5', set: [] }, () => {});
    let out = '';
    expect(
      await runDeployConnectors('status', { connectUrl: url, timeout: '5', set: [] }, (t) => (out += t)),
    ).toBe(0);
    expect(out).toMatch(/sink-popular-products\s+RUNNING \(task 0 RUNNING\)/);
    expect(out).toMatch(/sink-realtime-stats\s+RUNNING \(task 0 FAILED\)\n {4}org\.apache/);
  });

  it('--dry-run prints the configs with literal secrets masked and sends nothing', async () => {
    const { code, out } = await run(() => ({ kind: 'running-after', polls: 1 }), {
      dryRun: true,
      set: ['connection.password=hunter2'],
    });
    expect(code).toBe(0);
    expect(out).toContain('"connection.password": "********"');
    expect(out).not.toContain('hunter2');
    expect(out).toContain('"connection.user": "${env:POSTGRES_USER}"');
    expect(fake?.requests).toEqual([]);
  });
});

describe('deploy-connectors errors', () => {
  it('an unreachable worker is one error naming the URL', async () => {
    const err = await runDeployConnectors(
      'deploy',
      { connectUrl: 'http://127.0.0.1:9', timeout: '5', set: [] },
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect((err as Error).message).toMatch(/^cannot reach Kafka Connect at http:\/\/127\.0\.0\.1:9 /);
  });

  it('rejects a bad override before sending anything', async () => {
    await expect(
      runDeployConnectors('deploy', { timeout: '5', set: ['insert.mode=merge'] }, () => {}),
    ).rejects.toThrow(ConfigError);
    await expect(runDeployConnectors('deploy', { timeout: '5', set: ['nokey'] }, () => {})).rejects.toThrow(
      UsageError,
    );
    await expect(runDeployConnectors('explode', { timeout: '5', set: [] }, () => {})).rejects.toThrow(
      UsageError,
    );
  });

  it('resolves the URL as flag > CONNECT_URL > default', () => {
    expect(resolveConnectUrl({ connectUrl: 'http://a:1' }, { CONNECT_URL: 'http://b:2' })).toBe('http://a:1');
    expect(resolveConnectUrl({}, { CONNECT_URL: 'http://b:2' })).toBe('http://b:2');
    expect(resolveConnectUrl({}, {})).toBe('http://localhost:8083');
  });
});
