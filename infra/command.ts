import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { exportLines, resolveInfraConfig, settingsOf, type InfraFlags } from './config.ts';
import { stderrProgress } from './install.ts';
import { postgresDataDir } from './postgres.ts';
import { down, status, up } from './lifecycle.ts';
import { withLock } from './lock.ts';
import { VERSIONS } from './versions.ts';

/** How long `up`/`down` wait for another `up`/`down` on the same data directory (a first install is slow). */
const LOCK_TIMEOUT_MS = 20 * 60_000;

/** Registers `infra up | down | status | env`: real Kafka, schema registry and Postgres for tests. */
export function registerInfra(program: Command): void {
  const infra = program
    .command('infra')
    .description(
      `real services for integration tests, without Docker: Kafka ${VERSIONS.kafka} (KRaft), ` +
        `Apicurio Registry ${VERSIONS.apicurio} (Confluent-compatible API), PostgreSQL ${VERSIONS.postgres}`,
    );

  withOptions(infra.command('up'))
    .description(
      'install (first time, cached) and start the services; wait until each is ready; print the settings',
    )
    .option(
      '--timeout <seconds>',
      'how long to wait for each service to become ready (env INFRA_READY_TIMEOUT; default 240)',
      undefined,
    )
    .action(
      cliAction(async (flags: InfraFlags) => {
        const config = resolveInfraConfig(flags);
        const results = await withLock(config.dataDir, LOCK_TIMEOUT_MS, () => up(config, stderrProgress));
        for (const r of results) {
          const pid = r.pid === undefined ? '' : ` (pid ${r.pid})`;
          const what = r.outcome === 'already-running' ? 'already running' : r.outcome;
          process.stderr.write(`${r.service.name.padEnd(9)} ${what}${pid}  ${r.service.address(config)}\n`);
        }
        const failure = results.find((r) => r.error)?.error;
        if (failure) throw failure;
        process.stdout.write(`${exportLines(settingsOf(config)).join('\n')}\n`);
      }),
    );

  withOptions(infra.command('down'))
    .description('stop exactly what `up` started (pid files): signal, wait, SIGKILL after --stop-timeout')
    .option(
      '--stop-timeout <seconds>',
      'grace period before SIGKILL (env INFRA_STOP_TIMEOUT; default 30)',
      undefined,
    )
    .option('--purge', 'also delete the data directory (Kafka log, Postgres cluster, logs)')
    .action(
      cliAction(async (flags: InfraFlags & { purge?: boolean }) => {
        const config = resolveInfraConfig(flags);
        const results = await withLock(config.dataDir, LOCK_TIMEOUT_MS, () => down(config));
        for (const r of results) {
          const pid = r.pid === undefined ? '' : ` (pid ${r.pid})`;
          process.stderr.write(`${r.service.name.padEnd(9)} ${r.outcome}${pid}\n`);
        }
        const failure = results.find((r) => r.error)?.error;
        if (failure) throw failure;
        if (flags.purge) {
          for (const dir of [config.dataDir, path.dirname(postgresDataDir(config))]) {
            fs.rmSync(dir, { recursive: true, force: true });
          }
          process.stderr.write(`removed ${config.dataDir}\n`);
        }
      }),
    );

  withOptions(infra.command('status'))
    .description('show what runs: pid, ports, ready or not (exit 0 only when every service is ready)')
    .action(
      cliAction(async (flags: InfraFlags) => {
        const config = resolveInfraConfig(flags);
        const results = await status(config);
        for (const r of results) {
          const pid = r.pid === undefined ? '-' : String(r.pid);
          process.stdout.write(
            `${r.service.name.padEnd(9)} ${r.state.padEnd(14)} pid ${pid.padEnd(8)} port ${r.ports.join(',').padEnd(12)} ` +
              `${r.service.title}  log ${r.logFile}\n`,
          );
        }
        return results.every((r) => r.state === 'ready') ? 0 : 1;
      }),
    );

  withOptions(infra.command('env'))
    .description('print the connection settings as `export` lines: eval "$(npm run -s infra -- env)"')
    .action(
      cliAction((flags: InfraFlags) => {
        process.stdout.write(`${exportLines(settingsOf(resolveInfraConfig(flags))).join('\n')}\n`);
      }),
    );
}

/** Options every subcommand shares; each says which environment variable it overrides. */
function withOptions(cmd: Command): Command {
  return cmd
    .option(
      '--kafka-port <port>',
      'Kafka client port (env INFRA_KAFKA_PORT, or the port in KAFKA_BOOTSTRAP_SERVERS; default 19092)',
    )
    .option(
      '--kafka-controller-port <port>',
      'Kafka KRaft controller port (env INFRA_KAFKA_CONTROLLER_PORT; default 19093)',
    )
    .option(
      '--registry-port <port>',
      'schema registry port (env INFRA_REGISTRY_PORT, or the port in SCHEMA_REGISTRY_URL; default 18081)',
    )
    .option(
      '--registry-management-port <port>',
      'registry health/metrics port (env INFRA_REGISTRY_MANAGEMENT_PORT; default 18082)',
    )
    .option(
      '--postgres-port <port>',
      'Postgres port (env INFRA_POSTGRES_PORT, or the port in DATABASE_URL; default 15432)',
    )
    .option('--data-dir <dir>', 'data, logs and pid files (env INFRA_DATA_DIR; default .data/infra)')
    .option(
      '--cache-dir <dir>',
      'installed artifacts (env INFRA_CACHE_DIR; default ${XDG_CACHE_HOME:-~/.cache}/fraud-pipeline/infra)',
    );
}
