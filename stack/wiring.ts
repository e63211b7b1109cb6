import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Problem } from './problems.ts';

/**
 * The setup path (`npm run migrate && npm run deploy-queries && npm run deploy-connectors`)
 * must agree across its three stages: every connector reads a topic the query set writes, and
 * writes a table the Postgres migrations create.
 */
export interface ConnectorFile {
  readonly file: string;
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
}

export function loadConnectors(dir: string): ConnectorFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        name?: string;
        config?: Record<string, string>;
      } & Record<string, string>;
      const config = json.config ?? json;
      return { file, name: json.name ?? config.name ?? basename(file, '.json'), config };
    })
    .filter((c) => typeof c.config['connector.class'] === 'string');
}

/** Topics written by the query set: `KAFKA_TOPIC = '...'` of every CREATE ... AS SELECT. */
export function ksqlSinkTopics(migrationsDir: string): Set<string> {
  const topics = new Set<string>();
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    for (const stmt of sql.split(';')) {
      if (!/\bAS\s+SELECT\b/i.test(stmt)) continue;
      const m = /KAFKA_TOPIC\s*=\s*'([^']+)'/i.exec(stmt);
      if (m?.[1]) topics.add(m[1]);
    }
  }
  return topics;
}

/** Tables and views created by the Postgres migrations (lower-cased, schema stripped). */
export function postgresRelations(migrationsDir: string): Set<string> {
  const relations = new Set<string>();
  if (!existsSync(migrationsDir)) return relations;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  for (const path of walk(migrationsDir).filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(path, 'utf8');
    for (const m of sql.matchAll(
      /create\s+(?:or\s+replace\s+)?(?:table|view|materialized\s+view)\s+(?:if\s+not\s+exists\s+)?(?:"?\w+"?\.)?"?(\w+)"?/gi,
    )) {
      relations.add(m[1]!.toLowerCase());
    }
  }
  return relations;
}

export function checkWiring(
  connectors: readonly ConnectorFile[],
  sinkTopics: ReadonlySet<string>,
  relations: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  if (connectors.length === 0) problems.push({ where: 'connect/', message: 'no connector configs found' });
  for (const c of connectors) {
    const topics = (c.config.topics ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (topics.length === 0) problems.push({ where: `connect/${c.file}`, message: 'no topics' });
    for (const topic of topics) {
      if (!sinkTopics.has(topic))
        problems.push({
          where: `connect/${c.file}`,
          message: `topic ${topic} is not written by any query in ksql/migrations`,
        });
      const table = (c.config['table.name.format'] ?? '${topic}')
        .replace('${topic}', topic)
        .replace(/^.*\./, '')
        .toLowerCase();
      if (!relations.has(table))
        problems.push({
          where: `connect/${c.file}`,
          message: `table ${table} is not created by migrations/`,
        });
    }
  }
  return problems;
}

/** Every `${env:NAME}` a connector config uses must be in the Connect worker's environment. */
export function checkConnectorEnv(
  connectors: readonly ConnectorFile[],
  workerEnv: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const c of connectors) {
    for (const value of Object.values(c.config)) {
      for (const m of String(value).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
        if (!workerEnv.has(m[1]!)) {
          problems.push({
            where: `connect/${c.file}`,
            message: `\${env:${m[1]}} is not set in the connect service's environment`,
          });
        }
      }
    }
  }
  return problems;
}
