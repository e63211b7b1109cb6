import { PLACEHOLDER_PATTERN } from '../config/jdbc-sink-schema.ts';
import type { ConnectorFile } from '../config/validate.ts';
import type { ConnectorStatus } from './client.ts';
import type { DeployResult } from './deploy.ts';

const SECRET_KEY = /password|secret|basic\.auth\.user\.info|sasl\.jaas\.config|ssl\.key/i;
const placeholder = new RegExp(PLACEHOLDER_PATTERN);

/** Masks literal secrets; config-provider references (`${env:...}`) are shown as they are. */
export function maskSecrets(config: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config))
    out[k] = SECRET_KEY.test(k) && !placeholder.test(v) ? '********' : v;
  return out;
}

export function renderDryRun(url: string, connectors: readonly ConnectorFile[]): string {
  const lines = [`dry run: would PUT these configs to ${url} (nothing sent)`];
  for (const c of connectors) {
    lines.push(`PUT /connectors/${c.name}/config`);
    lines.push(JSON.stringify(maskSecrets({ ...c.config, name: c.name }), null, 2));
  }
  return `${lines.join('\n')}\n`;
}

export function renderResults(url: string, results: readonly DeployResult[]): string {
  const lines = results.map((r) => {
    const head = `${r.name.padEnd(28)} ${r.action.padEnd(9)} ${r.state ?? ''}`.trimEnd();
    const reason = r.reason ? `\n  ${r.reason}` : '';
    const trace = r.trace
      ? `\n${r.trace
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`
      : '';
    return `${head}${reason}${trace}`;
  });
  const failed = results.filter((r) => r.action === 'failed' || r.action === 'not-run').length;
  lines.push(
    failed === 0
      ? `deploy-connectors: ${results.length} connector(s) RUNNING on ${url}`
      : `deploy-connectors: ${failed} of ${results.length} connector(s) not RUNNING on ${url}`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderStatus(name: string, status: ConnectorStatus | undefined): string {
  if (!status) return `${name.padEnd(28)} not deployed\n`;
  const tasks = status.tasks.map((t) => `task ${t.id} ${t.state}`).join(', ') || 'no tasks';
  const trace = [status.connector, ...status.tasks].find((s) => s.trace)?.trace;
  const summary = trace ? `\n    ${trace.split('\n').slice(0, 2).join('\n    ')}` : '';
  return `${name.padEnd(28)} ${status.connector.state} (${tasks})${summary}\n`;
}
