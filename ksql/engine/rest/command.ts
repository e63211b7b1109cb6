import type { Command } from 'commander';
import { cliAction } from '../../../common/cli-action.ts';
import { UsageError } from '../../../common/errors.ts';
import { ORDERS_SCHEMA_TEXT, ORDERS_SUBJECT } from '../../../generator/order.ts';
import { createEngine } from '../engine.ts';
import { createKsqlServer } from './server.ts';

/**
 * `npm run ksql-server`: the local engine (in-memory topics and schema registry) behind
 * ksqlDB's REST API, for deploy-queries, the ksqlDB CLI's HTTP clients and ad-hoc queries.
 */
export function registerKsqlServer(program: Command): void {
  program
    .command('ksql-server')
    .description("serve the local engine over ksqlDB's REST API (in-memory topics and schema registry)")
    .option(
      '--port <port>',
      'port to listen on (env KSQL_SERVER_PORT)',
      process.env.KSQL_SERVER_PORT ?? '8088',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-orders-schema', 'do not pre-register generator/orders.avsc as orders-value')
    .action(
      cliAction(async (opts: { port: string; host: string; ordersSchema: boolean }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port ${opts.port}: expected a port number`);
        const engine = createEngine({ mode: 'production' });
        // The in-memory registry stands for the one the generator registers its schema in, so
        // that ksql/migrations (ORDERS infers its columns from orders-value) deploys as is.
        if (opts.ordersSchema)
          await engine.registry.register(ORDERS_SUBJECT, { schemaType: 'AVRO', schema: ORDERS_SCHEMA_TEXT });
        const app = createKsqlServer(engine);
        // Kafka Streams commits every commit.interval.ms whether or not records arrive.
        const commit = setInterval(() => void engine.flush(), 2000);
        const address = await app.listen({ port, host: opts.host });
        process.stderr.write(
          `ksql-server: local engine listening on ${address} (try: npm run deploy-queries -- --server ${address})\n`,
        );
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        clearInterval(commit);
        await app.close();
        await engine.close();
        return 0;
      }),
    );
}
