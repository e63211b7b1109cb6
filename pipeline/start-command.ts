import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { cliAction } from '../common/cli-action.ts';
import { onInterrupt } from '../common/interrupts.ts';
import { systemClock } from '../generator/clock.ts';
import type { GeneratedEvent } from '../generator/events.ts';
import { OPTION_SPECS, resolveOptions } from '../generator/options.ts';
import { eventToJsonLine } from '../generator/jsonl.ts';
import { pacedBatches } from '../generator/paced.ts';
import { OrderSource } from '../generator/source.ts';
import { SCENARIO_NAMES } from '../generator/truth.ts';
import { renderLiveView, renderLogLine } from './live-view.ts';
import { LocalPipeline } from './local-pipeline.ts';
import { pipelineOptions, type PipelineFlags } from './pipeline-options.ts';
import { takeSnapshot, type Snapshot } from './snapshot.ts';
import { openWarehouse } from './warehouse.ts';
import { createKsqlServer } from '../ksql/engine/rest/server.ts';
import { UsageError } from '../common/errors.ts';

/**
 * `npm start`: the whole pipeline on one machine, no Docker. The generator (in process, paced
 * by deadline) feeds topic `orders`; the engine runs ksql/migrations as deployed; the local
 * sink applies connect/*.json into Postgres (DATABASE_URL, or an embedded PGlite served on a
 * local port). A live view once a second; Ctrl-C drains everything into Postgres and exits 0.
 */
const GENERATOR_FLAGS = ['rate', 'duration', 'scenario', 'seed'];

export function registerStart(program: Command): void {
  const cmd = program
    .command('start')
    .description(
      'run generator → engine (ksql/migrations) → local sink (connect/*.json) → Postgres, with a live view',
    )
    .argument('[npm-values...]', 'values npm split off flags given without `--` (handled automatically)')
    .allowExcessArguments();
  for (const spec of OPTION_SPECS.filter((s) => GENERATOR_FLAGS.includes(s.name))) {
    const description =
      spec.name === 'scenario'
        ? `${spec.description.replace(/ \(default baseline\)/, '')} (default all)`
        : spec.description;
    cmd.option(`--${spec.name} ${spec.arg ?? ''}`.trim(), description);
  }
  pipelineOptions(cmd);
  cmd
    .option('--truth-file <file.jsonl>', 'write the ground truth to this JSON Lines file (for npm run score)')
    .option(
      '--orders-file <file.jsonl>',
      'record the orders (generate --out format) for npm run score --orders',
    )
    .option('--quiet', 'log lines instead of the live view')
    .option(
      '--ksql-port <port>',
      "port of the engine's ksqlDB REST API for ad-hoc queries (env KSQL_SERVER_PORT; 0 = off)",
      process.env.KSQL_SERVER_PORT ?? '8088',
    );
  cmd.action(
    cliAction(async (positionals: string[], flags: PipelineFlags & Record<string, unknown>) => {
      const explicit = Object.fromEntries(
        GENERATOR_FLAGS.filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]),
      );
      const scenarioGiven =
        flags.scenario !== undefined ||
        process.env.GENERATOR_SCENARIO !== undefined ||
        process.env.npm_config_scenario !== undefined;
      if (!scenarioGiven) explicit.scenario = SCENARIO_NAMES.join(',');
      let gen: ReturnType<typeof resolveOptions>;
      try {
        gen = resolveOptions(explicit, positionals);
      } catch (err) {
        // The generator's usage line names `npm run generate`; here the command is `npm start`.
        if (err instanceof UsageError) throw new UsageError(err.message, { hint: 'see npm start -- --help' });
        throw err;
      }
      const seed = gen.seed ?? Math.random().toString(36).slice(2, 10);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const opts = flags;

      const ksqlPort = Number(opts.ksqlPort);
      if (!Number.isInteger(ksqlPort) || ksqlPort < 0 || ksqlPort > 65535)
        throw new UsageError(`--ksql-port ${String(opts.ksqlPort)}: expected a port number (0 = off)`);
      const pgPort = Number(opts.pgPort);
      if (!Number.isInteger(pgPort) || pgPort < 0 || pgPort > 65535)
        throw new UsageError(`--pg-port ${opts.pgPort}: expected a port number`);
      const warehouse = await openWarehouse({
        databaseUrl: opts.databaseUrl,
        dataDir: opts.dataDir,
        port: Number(opts.pgPort),
        log,
      });
      const pipeline = await LocalPipeline.create({ warehouse, log });
      const rest = ksqlPort === 0 ? undefined : createKsqlServer(pipeline.engine);
      if (rest)
        log(
          `ksqlDB REST API: ${await rest.listen({ port: ksqlPort, host: '127.0.0.1' })} (e.g. SELECT * FROM SUSPICIOUS_IPS EMIT CHANGES;)`,
        );
      const truthOut: WriteStream | undefined = opts.truthFile
        ? createWriteStream(opts.truthFile)
        : undefined;
      const ordersOut: WriteStream | undefined = flags.ordersFile
        ? createWriteStream(String(flags.ordersFile))
        : undefined;
      log(
        `generator: ${gen.rate} orders/s, scenarios ${gen.scenarios.join(', ')}, seed ${seed}${gen.durationS ? `, ${gen.durationS} s` : ' (Ctrl-C to stop)'}`,
      );

      const controller = new AbortController();
      const offInterrupt = onInterrupt(() => {
        log('stopping: draining everything generated into Postgres (Ctrl-C again to abort)');
        controller.abort();
      });

      const started = Date.now();
      let newestEventTs: number | undefined;
      let previous: { at: number; orders: number } | undefined;
      let last: Snapshot | undefined;
      let running = true;
      const live = !opts.quiet && process.stdout.isTTY;
      const commitTimer = setInterval(() => void pipeline.commit(), 2000);
      const sinkLoop = pipeline.runSinks(() => running);
      let viewing = false;
      const viewTimer = setInterval(() => {
        if (viewing) return;
        viewing = true;
        void takeSnapshot(pipeline, warehouse, previous, gen.rate, newestEventTs, Date.now())
          .then((s) => {
            previous = { at: s.at, orders: s.ordersProduced };
            last = s;
            if (live)
              process.stdout.write(`\x1b[H\x1b[2J${renderLiveView(s, warehouse.databaseUrl).join('\n')}\n`);
            else if (Math.round((s.at - started) / 1000) % 5 === 0) log(renderLogLine(s));
          })
          .finally(() => (viewing = false));
      }, 1000);

      try {
        const source = new OrderSource({
          scenarios: gen.scenarios,
          rate: gen.rate,
          seed,
          startMs: Date.now(),
          durationMs: gen.durationS === undefined ? undefined : gen.durationS * 1000,
          count: gen.count,
        });
        for await (const batch of pacedBatches(source, { clock: systemClock, signal: controller.signal })) {
          await pipeline.produce(batch);
          for (const e of batch as GeneratedEvent[]) {
            if (e.kind === 'truth') {
              truthOut?.write(`${JSON.stringify(e.truth)}\n`);
              continue;
            }
            ordersOut?.write(`${eventToJsonLine(e)}\n`);
            if (e.kind === 'order' && (newestEventTs === undefined || e.order.event_ts > newestEventTs))
              newestEventTs = e.order.event_ts;
          }
        }
      } finally {
        clearInterval(viewTimer);
        clearInterval(commitTimer);
        running = false;
        await sinkLoop;
        await pipeline.drain();
        truthOut?.end();
        ordersOut?.end();
        offInterrupt();
      }
      const final = await takeSnapshot(pipeline, warehouse, previous, gen.rate, newestEventTs, Date.now());
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        [
          `summary: ${final.ordersProduced} orders and ${final.poisonProduced} poison records in ${seconds.toFixed(1)} s (${Math.round(final.ordersProduced / Math.max(seconds, 0.001))} orders/s), seed ${seed}`,
          `  rows written: ${Object.entries(final.rowsWritten)
            .map(([t, c]) => `${t} ${c}`)
            .join(', ')}`,
          `  dead letters ${final.deadLettered}, late (record, window) pairs dropped ${final.lateDropped}, processing log ${final.processingLogEntries}`,
          `  tables are in ${warehouse.databaseUrl}${opts.truthFile ? `; ground truth in ${opts.truthFile} (npm run score -- --truth ${opts.truthFile}${flags.ordersFile ? ` --orders ${String(flags.ordersFile)}` : ''})` : ''}`,
        ].join('\n') + '\n',
      );
      void last;
      await rest?.close();
      await pipeline.close();
      await warehouse.close();
      return 0;
    }),
  );
}
