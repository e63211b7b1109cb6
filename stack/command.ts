import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { runStackChecks } from './check-stack.ts';

/** `npm run check-stack`: the Docker stack's files, checked without Docker. */
export function registerCheckStack(program: Command): void {
  program
    .command('check-stack')
    .description(
      'check docker-compose.yml, .env.example, Grafana provisioning and the setup path without Docker',
    )
    .option('--root <dir>', 'repository root', '.')
    .action(
      cliAction((opts: { root: string }) => {
        const results = runStackChecks(opts.root);
        let failed = 0;
        for (const r of results) {
          process.stdout.write(`${r.problems.length === 0 ? 'ok  ' : 'FAIL'} ${r.name}\n`);
          for (const p of r.problems) process.stdout.write(`       ${p.where}: ${p.message}\n`);
          if (r.problems.length > 0) failed++;
        }
        process.stdout.write(`check-stack: ${results.length - failed} passed, ${failed} failed\n`);
        return failed === 0 ? 0 : 1;
      }),
    );
}
