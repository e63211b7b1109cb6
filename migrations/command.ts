import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { UsageError } from '../common/errors.ts';
import { serviceSettings } from '../infra/settings.ts';
import { migrate, redactUrl } from './migrate.ts';

interface MigrateFlags {
  databaseUrl?: string;
  schema: string;
  down?: boolean;
  count?: string;
  dryRun?: boolean;
}

/** Registers `migrate`: applies the Postgres schema migrations in migrations/sql/. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply the Postgres schema migrations (idempotent; prints what it applied)')
    .option('--database-url <url>', 'Postgres URL (env DATABASE_URL; default: the infra Postgres)')
    .option('--schema <name>', 'target schema', 'public')
    .option('--down', 'revert the latest migration instead (see --count)')
    .option('--count <n>', 'with --down: how many migrations to revert', '1')
    .option('--dry-run', 'print the pending migrations and their SQL; change nothing')
    .action(
      cliAction(async (flags: MigrateFlags) => {
        const databaseUrl = flags.databaseUrl ?? serviceSettings().databaseUrl;
        const count = Number(flags.count);
        if (!Number.isInteger(count) || count < 1) {
          throw new UsageError(`--count must be a positive integer, got "${flags.count}"`);
        }
        const verbose = process.argv.includes('--verbose');
        const result = await migrate({
          databaseUrl,
          schema: flags.schema,
          direction: flags.down ? 'down' : 'up',
          count,
          dryRun: flags.dryRun ?? false,
          log: verbose ? (line) => process.stdout.write(`${line}\n`) : undefined,
        });
        const target = `${redactUrl(databaseUrl)} (schema ${flags.schema})`;
        const verb = flags.down ? 'reverted' : flags.dryRun ? 'would apply' : 'applied';
        if (result.applied.length === 0) {
          process.stdout.write(`migrate: nothing to do, ${target} is up to date\n`);
        } else {
          for (const name of result.applied) {
            process.stdout.write(`${verb} ${name}\n`);
            const sql = result.sql?.get(name);
            if (sql !== undefined) process.stdout.write(`${sql.trimEnd()}\n\n`);
          }
          process.stdout.write(`migrate: ${verb} ${result.applied.length} migration(s) on ${target}\n`);
        }
      }),
    );
}
