#!/usr/bin/env node
/**
 * The one command-line program. Each subcommand is exposed as an npm script and its handler
 * lives in its stage folder; this file only wires them together.
 */
import { Command } from 'commander';
import { registerGenerate } from './generator/command.ts';
import { registerInfra } from './infra/command.ts';
import { registerConformance } from './ksql/engine/conformance/command.ts';
import { registerTestQueries } from './ksql/engine/conformance/test-queries-command.ts';
import { registerKsqlServer } from './ksql/engine/rest/command.ts';
import { registerDeployQueries } from './ksql/deploy/command.ts';
import { registerMigrate } from './migrations/command.ts';
import { registerDeployConnectors } from './connect/deploy/command.ts';
import { registerCheckStack } from './stack/command.ts';
import { registerStart } from './pipeline/start-command.ts';
import { registerReplay } from './pipeline/replay-command.ts';
import { registerScore } from './pipeline/score-command.ts';
import { registerBench } from './bench/command.ts';

const program = new Command('fraud-pipeline')
  .description('SQL-first real-time fraud detection: generator, ksqlDB queries, JDBC sink, Grafana')
  .option('--verbose', 'print stack traces on errors')
  .showHelpAfterError('(run with --help for usage)');

// Usage errors from commander exit with 2, like our own UsageError.
program.exitOverride((err) => {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
  process.exit(err.exitCode === 0 ? 0 : 2);
});

for (const register of [
  registerGenerate,
  registerInfra,
  registerConformance,
  registerTestQueries,
  registerKsqlServer,
  registerDeployQueries,
  registerMigrate,
  registerDeployConnectors,
  registerCheckStack,
  registerStart,
  registerReplay,
  registerScore,
  registerBench,
]) {
  register(program);
}

await program.parseAsync(process.argv);
