import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import type { GeneratedEvent } from '../generator/events.ts';
import { LocalPipeline } from './local-pipeline.ts';
import { readOrderFile } from './order-file.ts';
import { pipelineOptions, type PipelineFlags } from './pipeline-options.ts';
import { formatScorecard } from './score/format.ts';
import { computeScorecard } from './score/scorecard.ts';
import { openWarehouse } from './warehouse.ts';

/**
 * `npm run replay -- <orders.jsonl>`: a recorded order file through the same pipeline as
 * `npm start`, as fast as possible, into Postgres; stops once every record is processed and
 * everything the queries emitted is in Postgres. Deterministic: event time comes from the
 * file, so the same file gives the same tables.
 */
export function registerReplay(program: Command): void {
  const cmd = program
    .command('replay')
    .description('run a recorded order file (generate --out) through the local pipeline into Postgres')
    .argument('<orders.jsonl>', 'file written by npm run generate -- --out');
  pipelineOptions(cmd)
    .option(
      '--truth <file.jsonl>',
      'ground truth of the recording (generate --truth-file): print the scorecard at the end',
    )
    .option(
      '--flush',
      'flush every record cache at the end (the default: a replay always ends with a commit)',
    )
    .option('--batch <n>', 'records per batch', '5000');
  cmd.action(
    cliAction(async (file: string, opts: PipelineFlags & { truth?: string; batch: string }) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const warehouse = await openWarehouse({
        databaseUrl: opts.databaseUrl,
        dataDir: opts.dataDir,
        port: Number(opts.pgPort),
        log,
      });
      const pipeline = await LocalPipeline.create({ warehouse, log });
      const started = Date.now();
      let batch: GeneratedEvent[] = [];
      let lastLog = started;
      const size = Math.max(1, Number(opts.batch) || 5000);
      for await (const event of readOrderFile(file)) {
        batch.push(event);
        if (batch.length >= size) {
          await pipeline.produce(batch);
          batch = [];
          await pipeline.pumpSinks();
          if (Date.now() - lastLog >= 1000) {
            lastLog = Date.now();
            log(
              `replay: ${pipeline.counters.ordersProduced} orders (${Math.round(pipeline.counters.ordersProduced / ((lastLog - started) / 1000))}/s)`,
            );
          }
        }
      }
      await pipeline.produce(batch);
      // With EMIT CHANGES every window's latest value is emitted as its orders arrive; the
      // commit at the end empties the record caches, so Postgres holds every final value.
      await pipeline.drain();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `replayed: ${pipeline.counters.ordersProduced} orders and ${pipeline.counters.poisonProduced} poison records in ${seconds.toFixed(1)} s (${Math.round(pipeline.counters.ordersProduced / Math.max(seconds, 0.001))} orders/s) into ${warehouse.databaseUrl}\n`,
      );
      if (opts.truth) {
        const card = await computeScorecard({
          warehouse,
          truthFile: opts.truth,
          ordersFile: file,
          timeToDetect: false,
        });
        process.stdout.write(formatScorecard(card));
      }
      await pipeline.close();
      await warehouse.close();
      return 0;
    }),
  );
}
