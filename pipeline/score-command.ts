import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { UsageError } from '../common/errors.ts';
import { formatScorecard } from './score/format.ts';
import { precision, recall, computeScorecard } from './score/scorecard.ts';
import { openWarehouse } from './warehouse.ts';
import { connect } from 'node:net';
import { DEFAULT_PG_PORT } from './pipeline-options.ts';

/** `npm run score`: the detection scorecard from the ground truth and the Postgres tables. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('precision and recall of each rule per scenario, from ground truth and the Postgres tables')
    .requiredOption('--truth <file.jsonl>', 'ground truth (generate --truth-file, npm start --truth-file)')
    .option(
      '--orders <file.jsonl>',
      'the recorded orders (generate --out): exact high-value expectations and order count',
    )
    .option(
      '--database-url <url>',
      'Postgres holding the tables (env DATABASE_URL; default: the embedded database of npm start)',
      process.env.DATABASE_URL,
    )
    .option(
      '--data-dir <dir>',
      'embedded Postgres data directory of npm start, when it is not running',
      '.data/pglite',
    )
    .option('--markdown <file.md>', 'also write the scorecard to this file')
    .option('--min-precision <x>', 'exit 1 if a rule/scenario with detections has a lower precision')
    .option('--min-recall <x>', 'exit 1 if a rule/scenario with expectations has a lower recall')
    .action(
      cliAction(
        async (opts: {
          truth: string;
          orders?: string;
          databaseUrl?: string;
          markdown?: string;
          minPrecision?: string;
          dataDir: string;
          minRecall?: string;
        }) => {
          const bound = (name: string, raw: string | undefined): number | undefined => {
            if (raw === undefined) return undefined;
            const x = Number(raw);
            if (!Number.isFinite(x) || x < 0 || x > 1)
              throw new UsageError(`--${name} ${raw}: expected a number from 0 to 1`);
            return x;
          };
          const minPrecision = bound('min-precision', opts.minPrecision);
          const minRecall = bound('min-recall', opts.minRecall);
          // A running npm start serves its embedded database on its port; otherwise open it here.
          const serving = (await portOpen(DEFAULT_PG_PORT))
            ? `postgres://postgres@127.0.0.1:${DEFAULT_PG_PORT}/postgres`
            : undefined;
          const warehouse = await openWarehouse({
            databaseUrl: opts.databaseUrl ?? serving,
            dataDir: opts.dataDir,
            port: 0,
            log: (line) => process.stderr.write(`${line}\n`),
          });
          try {
            const card = await computeScorecard({
              warehouse,
              truthFile: opts.truth,
              ordersFile: opts.orders,
            });
            const text = formatScorecard(card);
            process.stdout.write(text);
            if (opts.markdown) writeFileSync(opts.markdown, text);
            const failures = card.rows.filter(
              (r) =>
                (minPrecision !== undefined && (precision(r) ?? 1) < minPrecision) ||
                (minRecall !== undefined && (recall(r) ?? 1) < minRecall),
            );
            for (const f of failures)
              process.stderr.write(
                `below threshold: ${f.rule} / ${f.scenario}: precision ${precision(f) ?? '-'}, recall ${recall(f) ?? '-'}\n`,
              );
            return failures.length === 0 ? 0 : 1;
          } finally {
            await warehouse.close();
          }
        },
      ),
    );
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
