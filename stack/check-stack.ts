import { join } from 'node:path';
import {
  checkAddresses,
  checkComposeSchema,
  checkHealthchecks,
  checkPinnedImages,
  checkVariablesDeclared,
  loadCompose,
} from './compose.ts';
import { parseEnvFile } from './env-example.ts';
import {
  alertQueries,
  checkGrafana,
  dashboardQueries,
  loadDashboards,
  provisionedDatasourceUids,
} from './grafana.ts';
import type { CheckResult } from './problems.ts';
import {
  checkConnectorEnv,
  checkWiring,
  ksqlSinkTopics,
  loadConnectors,
  postgresRelations,
} from './wiring.ts';

/**
 * Defaults the npm commands use when no environment variable is set: the compose file must
 * publish these ports. Kept here next to the check; each command documents its own default.
 */
export const COMMAND_DEFAULTS: Readonly<Record<string, string>> = {
  KSQLDB_URL: 'http://localhost:8088',
  CONNECT_URL: 'http://localhost:8083',
};

export function runStackChecks(root: string): CheckResult[] {
  const compose = loadCompose(join(root, 'docker-compose.yml'));
  const env = parseEnvFile(join(root, '.env.example'));
  const dashboards = loadDashboards(join(root, 'grafana/dashboards'));
  const queries = [
    ...dashboardQueries(dashboards),
    ...alertQueries(join(root, 'grafana/provisioning/alerting')),
  ];
  const uids = provisionedDatasourceUids(join(root, 'grafana/provisioning/datasources'));
  const connectors = loadConnectors(join(root, 'connect'));
  const connectEnv = compose.doc.services?.connect?.environment ?? {};
  const workerEnv = new Set(
    Array.isArray(connectEnv) ? connectEnv.map((e) => e.split('=')[0] ?? '') : Object.keys(connectEnv),
  );
  return [
    { name: 'compose file matches the compose-spec schema', problems: checkComposeSchema(compose) },
    { name: 'every image pinned to an exact version', problems: checkPinnedImages(compose, env) },
    { name: 'healthchecks and depends_on conditions', problems: checkHealthchecks(compose) },
    {
      name: 'every compose variable declared in .env.example',
      problems: checkVariablesDeclared(compose, env),
    },
    {
      name: 'ports and service names match the npm commands',
      problems: checkAddresses(compose, env, COMMAND_DEFAULTS),
    },
    {
      name: 'Grafana dashboards and alerts reference provisioned datasources',
      problems: checkGrafana(dashboards, queries, uids),
    },
    {
      name: 'connectors, ksqlDB topics and Postgres tables agree',
      problems: checkWiring(
        connectors,
        ksqlSinkTopics(join(root, 'ksql/migrations')),
        postgresRelations(join(root, 'migrations')),
      ),
    },
    {
      name: "connector secrets and addresses resolve from Connect's environment",
      problems: checkConnectorEnv(connectors, workerEnv),
    },
  ];
}
