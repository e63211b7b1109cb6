import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { cliAction } from '../../common/cli-action.ts';
import { UsageError } from '../../common/errors.ts';
import { applyFiles } from './apply.ts';
import { DeployError } from './errors.ts';
import { KsqlDbClient } from './ksqldb-client.ts';
import { DeployLock } from './lock.ts';
import { MetadataStore, defaultMetadataConfig } from './metadata.ts';
import { loadMigrationFiles } from './migration-files.ts';
import { latestVersion, pendingFiles, readServerState, validateAgainstFiles } from './plan.ts';
import { formatInfo, formatStatement, formatSummary } from './report.ts';
import { loadDefaultVariables, parseDefine } from './variables.ts';

/**
 * `npm run deploy-queries [-- apply|info|validate]`: applies ksql/migrations to a ksqlDB
 * server through its REST API, recording state in ksql-migrations' own metadata.
 */
interface CommonOptions {
  server: string;
  migrationsDir: string;
}

const DEFAULT_SERVER = 'http://localhost:8088';

function common(cmd: Command): Command {
  return cmd
    .option('--server <url>', 'ksqlDB server URL (env KSQLDB_URL)', process.env.KSQLDB_URL ?? DEFAULT_SERVER)
    .option('--migrations-dir <dir>', 'migration files', 'ksql/migrations');
}

async function connect(opts: CommonOptions): Promise<{ client: KsqlDbClient; store: MetadataStore }> {
  const client = new KsqlDbClient(opts.server);
  const info = await client.info();
  return { client, store: new MetadataStore(client, defaultMetadataConfig(info.ksqlServiceId)) };
}

export function registerDeployQueries(program: Command): void {
  const deploy = program
    .command('deploy-queries')
    .description(
      'apply pending ksql/migrations to a ksqlDB server (ksql-migrations compatible); subcommands info, validate',
    );

  const apply = common(
    deploy.command('apply', { isDefault: true }).description('apply pending migrations in version order'),
  )
    .option('--dry-run', 'print the plan and the statements, change nothing')
    .option('--until <version>', 'apply up to and including this version')
    .option(
      '--define <name=value>',
      'set a variable (repeatable); defaults in ksql/variables.json',
      parseDefine,
      {},
    )
    .option('--force-unlock', 'take the deploy lock even if another deploy holds it')
    .option('--lock-ttl <seconds>', 'lease of the deploy lock', '600');
  apply.action(
    cliAction(
      async (
        opts: CommonOptions & {
          dryRun?: boolean;
          until?: string;
          define: Record<string, string>;
          forceUnlock?: boolean;
          lockTtl: string;
        },
      ) => {
        const until = opts.until === undefined ? undefined : Number(opts.until);
        if (until !== undefined && (!Number.isInteger(until) || until < 1 || until > 999_999)) {
          throw new UsageError(`--until ${opts.until}: expected a version between 1 and 999999`);
        }
        const ttl = Number(opts.lockTtl);
        if (!Number.isFinite(ttl) || ttl <= 0)
          throw new UsageError(`--lock-ttl ${opts.lockTtl}: expected seconds > 0`);
        const dir = resolve(opts.migrationsDir);
        const { files, skipped } = loadMigrationFiles(dir);
        for (const name of skipped)
          process.stderr.write(`warning: skipping ${name}: not named V<6 digits>__<name>.sql\n`);
        const variables = { ...loadDefaultVariables(resolve(dir, '..', 'variables.json')), ...opts.define };
        const { client, store } = await connect(opts);

        const created = opts.dryRun ? [] : await store.initialize();
        for (const ddl of created)
          process.stdout.write(`initialized migration metadata: ${ddl.split('\n')[0]}\n`);
        const state = await readServerState(store);
        if (state.current?.state === 'RUNNING') {
          throw new DeployError(
            `migration ${state.current.version} is RUNNING: another deploy is applying it, or one crashed`,
            { retriable: true },
            { hint: 'check with `npm run deploy-queries -- info`' },
          );
        }
        const problems = validateAgainstFiles(state, files);
        if (problems.length > 0) {
          const first = problems[0]!;
          throw new DeployError(
            `refusing to apply: ${first.problem}`,
            { file: first.file, retriable: false },
            {
              hint: 'restore the applied file, or add a new versioned migration instead of editing an applied one',
            },
          );
        }
        const pending = pendingFiles(state, files, until);
        const latest = latestVersion(state);
        if (pending.length === 0) {
          process.stdout.write(`nothing to apply: ${opts.server} is at version ${latest || '<none>'}\n`);
          return 0;
        }
        if (opts.dryRun) {
          process.stdout.write(
            `plan: ${pending.length} migration(s) after version ${latest || '<none>'} (dry run, nothing applied)\n`,
          );
          for (const f of pending)
            process.stdout.write(`  V${String(f.version).padStart(6, '0')} ${f.name} (${f.fileName})\n`);
          process.stdout.write(
            `variables: ${Object.entries(variables)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}\n`,
          );
          return 0;
        }
        const lock = new DeployLock(store, {
          owner: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
          ttlMs: ttl * 1000,
          now: Date.now,
        });
        await lock.acquire(Boolean(opts.forceUnlock));
        try {
          const results = await applyFiles(
            {
              client,
              store,
              variables,
              now: Date.now,
              beforeFile: () => lock.renew(),
              onStatement: (r) => process.stdout.write(`${formatStatement(r)}\n`),
            },
            pending,
            latest,
          );
          for (const r of results.filter((x) => x.status === 'not-run')) {
            for (const s of r.statements) process.stdout.write(`${formatStatement(s)}\n`);
          }
          process.stdout.write(`${formatSummary(results)}\n`);
          const failed = results.find((r) => r.status === 'failed');
          if (failed) {
            const bad = failed.statements.find((s) => s.status === 'failed');
            process.stderr.write(
              `error: ${failed.file.fileName}:${bad?.line ?? '?'}: ${bad?.message ?? 'failed'}\n`,
            );
            return 1;
          }
          return 0;
        } finally {
          await lock.release();
        }
      },
    ),
  );

  common(
    deploy.command('info').description('show the applied and pending migrations (like ksql-migrations info)'),
  ).action(
    cliAction(async (opts: CommonOptions) => {
      const { files } = loadMigrationFiles(resolve(opts.migrationsDir));
      const { store } = await connect(opts);
      const { stream, table } = await store.exists();
      if (!stream || !table) {
        process.stdout.write('migration metadata not initialized: no migration has been applied\n');
        return 0;
      }
      process.stdout.write(`${formatInfo(await readServerState(store), files)}\n`);
      return 0;
    }),
  );

  common(
    deploy.command('validate').description('check applied migrations against the local files (checksums)'),
  ).action(
    cliAction(async (opts: CommonOptions) => {
      const { files } = loadMigrationFiles(resolve(opts.migrationsDir));
      const { store } = await connect(opts);
      const state = await readServerState(store);
      const problems = validateAgainstFiles(state, files);
      for (const p of problems) process.stderr.write(`invalid: ${p.problem}\n`);
      process.stdout.write(
        problems.length === 0 ? `valid: ${state.applied.size} applied migration(s) match their files\n` : '',
      );
      return problems.length === 0 ? 0 : 1;
    }),
  );
}
