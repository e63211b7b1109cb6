import type { Command } from 'commander';

/** Options shared by `npm start` and `npm run replay`: where the tables go. */
export interface PipelineFlags {
  databaseUrl?: string;
  dataDir: string;
  pgPort: string;
  truthFile?: string;
  quiet?: boolean;
}

export const DEFAULT_PG_PORT = 15433;

export function pipelineOptions(cmd: Command): Command {
  return cmd
    .option(
      '--database-url <url>',
      'write to this Postgres server (env DATABASE_URL) instead of the embedded one',
      process.env.DATABASE_URL,
    )
    .option('--data-dir <dir>', 'embedded Postgres (PGlite) data directory', '.data/pglite')
    .option(
      '--pg-port <port>',
      'port of the embedded Postgres endpoint for psql and Grafana (env PIPELINE_PG_PORT)',
      process.env.PIPELINE_PG_PORT ?? String(DEFAULT_PG_PORT),
    );
}
