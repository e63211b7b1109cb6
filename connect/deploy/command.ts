import type { Command } from 'commander';
import { cliAction } from '../../common/cli-action.ts';
import { ServiceUnavailableError, UsageError } from '../../common/errors.ts';
import { CONNECT_DIR, loadConnectors } from '../config/load.ts';
import { validateConnectorFile, type ConnectorFile } from '../config/validate.ts';
import { ConnectClient } from './client.ts';
import { deployConnectors } from './deploy.ts';
import { renderDryRun, renderResults, renderStatus } from './render.ts';

export const DEFAULT_CONNECT_URL = 'http://localhost:8083';

export interface DeployFlags {
  readonly connectUrl?: string;
  readonly timeout: string;
  readonly dir?: string;
  readonly set: readonly string[];
  readonly dryRun?: boolean;
}

/** Flags > environment > default. */
export function resolveConnectUrl(
  flags: { connectUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flags.connectUrl ?? env.CONNECT_URL ?? DEFAULT_CONNECT_URL;
}

/** The connector files with `--set key=value` overrides applied, validated again. */
export async function plannedConnectors(flags: Pick<DeployFlags, 'dir' | 'set'>): Promise<ConnectorFile[]> {
  const overrides = flags.set.map((kv) => {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects key=value, got "${kv}"`);
    return [kv.slice(0, eq), kv.slice(eq + 1)] as const;
  });
  return (await loadConnectors(flags.dir ?? CONNECT_DIR)).map((c) =>
    validateConnectorFile(
      { name: c.name, config: { ...c.config, ...Object.fromEntries(overrides) } },
      `${c.file} (with --set)`,
    ),
  );
}

/** `deploy-connectors [deploy|status]`; returns the exit code. */
export async function runDeployConnectors(
  action: string,
  flags: DeployFlags,
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const url = resolveConnectUrl(flags, env);
  const timeoutS = Number(flags.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${flags.timeout}"`);
  const connectors = await plannedConnectors(flags);
  if (action === 'status') {
    const client = new ConnectClient(url);
    for (const c of connectors) out(renderStatus(c.name, await client.getStatus(c.name)));
    return 0;
  }
  if (action !== 'deploy')
    throw new UsageError(`unknown action "${action}"`, { hint: 'use deploy (default) or status' });
  if (flags.dryRun) {
    out(renderDryRun(url, connectors));
    return 0;
  }
  const results = await deployConnectors(new ConnectClient(url), connectors, { timeoutMs: timeoutS * 1000 });
  if (results[0]?.unreachable) {
    // Nothing was deployed: one line naming the URL, like every other command.
    throw new ServiceUnavailableError(
      'connect',
      url,
      results[0].reason ?? `cannot reach Kafka Connect at ${url}`,
      {
        hint: 'start the stack (docker compose up) or pass --connect-url / CONNECT_URL',
      },
    );
  }
  out(renderResults(url, results));
  return results.every((r) => r.action !== 'failed' && r.action !== 'not-run') ? 0 : 1;
}

/** Registers `deploy-connectors`: creates or updates the JDBC sink connectors on Kafka Connect. */
export function registerDeployConnectors(program: Command): void {
  program
    .command('deploy-connectors')
    .description(
      'create or update the JDBC sink connectors (connect/*.json) and wait until RUNNING; "status" shows their state',
    )
    .argument('[action]', 'deploy | status', 'deploy')
    .option('--connect-url <url>', `Kafka Connect REST URL (env CONNECT_URL; default ${DEFAULT_CONNECT_URL})`)
    .option('--timeout <seconds>', 'how long to wait for each connector to be RUNNING', '60')
    .option('--dir <path>', 'folder of connector files (default: connect/)')
    .option(
      '--set <key=value>',
      'override a config key in every connector (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--dry-run', 'print the configs that would be sent (secrets masked), send nothing')
    .action(
      cliAction((action: string, flags: DeployFlags) =>
        runDeployConnectors(action, flags, (t) => process.stdout.write(t)),
      ),
    );
}
