import { PipelineError, ServiceUnavailableError } from '../../common/errors.ts';
import type { ConnectorFile } from '../config/validate.ts';
import type { ConnectClient, ConnectorStatus } from './client.ts';

export type DeployAction = 'created' | 'updated' | 'unchanged' | 'failed' | 'not-run';

export interface DeployResult {
  readonly name: string;
  readonly action: DeployAction;
  /** Connector state last seen, e.g. RUNNING, FAILED, UNASSIGNED. */
  readonly state?: string;
  readonly reason?: string;
  /** First lines of the failed task's (or connector's) Java stack trace. */
  readonly trace?: string;
  /** The worker could not be reached (the run stopped here). */
  readonly unreachable?: boolean;
}

export interface DeployOptions {
  readonly timeoutMs: number;
  readonly pollMs?: number;
  readonly traceLines?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * Creates or updates each connector (`PUT /connectors/{name}/config`, idempotent; an
 * identical stored config is left alone) and waits, polling `GET /connectors/{name}/status`
 * within a bounded time, until the connector and all its tasks are RUNNING. Returns one result
 * per connector and does not stop at the first failure; an unreachable worker stops the run
 * (the rest are `not-run`).
 */
export async function deployConnectors(
  client: ConnectClient,
  connectors: readonly ConnectorFile[],
  options: DeployOptions,
): Promise<DeployResult[]> {
  const results: DeployResult[] = [];
  for (const [i, c] of connectors.entries()) {
    try {
      results.push(await deployOne(client, c, options));
    } catch (err) {
      if (!(err instanceof PipelineError)) throw err;
      const unreachable = err instanceof ServiceUnavailableError;
      results.push({
        name: c.name,
        action: 'failed',
        reason: err.message,
        ...(unreachable ? { unreachable } : {}),
      });
      if (unreachable) {
        for (const rest of connectors.slice(i + 1))
          results.push({ name: rest.name, action: 'not-run', reason: 'Kafka Connect unreachable' });
        break;
      }
    }
  }
  return results;
}

async function deployOne(
  client: ConnectClient,
  c: ConnectorFile,
  options: DeployOptions,
): Promise<DeployResult> {
  const desired = { ...c.config, name: c.name };
  const current = await client.getConfig(c.name);
  let action: DeployAction = 'unchanged';
  if (current === undefined || !sameConfig(current, desired)) {
    const created = await client.putConfig(c.name, desired);
    action = created || current === undefined ? 'created' : 'updated';
  }
  const status = await waitForRunning(client, c.name, options);
  if (status.kind === 'running') return { name: c.name, action, state: 'RUNNING' };
  return {
    name: c.name,
    action: 'failed',
    state: status.state,
    reason: status.reason,
    ...(status.trace === undefined ? {} : { trace: firstLines(status.trace, options.traceLines ?? 4) }),
  };
}

type Waited = { kind: 'running' } | { kind: 'failed'; state: string; reason: string; trace?: string };

async function waitForRunning(client: ConnectClient, name: string, options: DeployOptions): Promise<Waited> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + options.timeoutMs;
  let last: ConnectorStatus | undefined;
  for (;;) {
    last = await client.getStatus(name);
    const verdict = judge(last);
    if (verdict) return verdict;
    if (now() >= deadline) {
      const tasks = last?.tasks.map((t) => `${t.id}:${t.state}`).join(', ') || 'none';
      return {
        kind: 'failed',
        state: last?.connector.state ?? 'UNKNOWN',
        reason: `not RUNNING after ${Math.round(options.timeoutMs / 1000)} s (connector ${last?.connector.state ?? 'unknown'}, tasks ${tasks})`,
      };
    }
    await sleep(Math.min(options.pollMs ?? 500, Math.max(0, deadline - now())));
  }
}

function judge(status: ConnectorStatus | undefined): Waited | undefined {
  if (!status) return undefined;
  if (status.connector.state === 'FAILED') {
    return { kind: 'failed', state: 'FAILED', reason: 'connector FAILED', trace: status.connector.trace };
  }
  const failed = status.tasks.find((t) => t.state === 'FAILED');
  if (failed)
    return { kind: 'failed', state: 'FAILED', reason: `task ${failed.id} FAILED`, trace: failed.trace };
  if (
    status.connector.state === 'RUNNING' &&
    status.tasks.length > 0 &&
    status.tasks.every((t) => t.state === 'RUNNING')
  ) {
    return { kind: 'running' };
  }
  return undefined;
}

function sameConfig(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('\n');
}
