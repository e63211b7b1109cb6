import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Problem } from './problems.ts';

/**
 * Grafana-as-code checks that need no Grafana server: every panel and alert query is
 * extracted (to be executed against a migrated Postgres by the integration suite), and
 * every datasource UID they reference is provisioned.
 */
export interface GrafanaQuery {
  /** `dashboard <uid> panel "<title>"` or `alert <uid>`. */
  readonly origin: string;
  readonly datasourceUid: string;
  readonly sql: string;
  /** `time_series` queries must return a time column first; `table` anything. */
  readonly format: 'time_series' | 'table';
  readonly panelType?: string;
}

interface Panel {
  title?: string;
  type?: string;
  datasource?: { uid?: string };
  targets?: { rawSql?: string; format?: string; datasource?: { uid?: string } }[];
  panels?: Panel[];
}

export interface Dashboard {
  readonly file: string;
  readonly uid: string;
  readonly timezone?: string;
  readonly refresh?: string;
  readonly panels: Panel[];
}

export function loadDashboards(dir: string): Dashboard[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Dashboard, 'file'>;
      return { ...json, file };
    });
}

export function provisionedDatasourceUids(dir: string): Set<string> {
  const uids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as { datasources?: { uid?: string }[] };
    for (const ds of doc.datasources ?? []) if (ds.uid) uids.add(ds.uid);
  }
  return uids;
}

function flatten(panels: readonly Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
}

export function dashboardQueries(dashboards: readonly Dashboard[]): GrafanaQuery[] {
  return dashboards.flatMap((d) =>
    flatten(d.panels).flatMap((p) =>
      (p.targets ?? []).map((t) => ({
        origin: `dashboard ${d.uid} panel "${p.title ?? '?'}"`,
        datasourceUid: t.datasource?.uid ?? p.datasource?.uid ?? '',
        sql: t.rawSql ?? '',
        format: t.format === 'time_series' ? ('time_series' as const) : ('table' as const),
        panelType: p.type,
      })),
    ),
  );
}

interface AlertData {
  refId?: string;
  datasourceUid?: string;
  model?: { rawSql?: string; format?: string };
}

export function alertQueries(dir: string): GrafanaQuery[] {
  const queries: GrafanaQuery[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as {
      groups?: { rules?: { uid?: string; data?: AlertData[] }[] }[];
    };
    for (const group of doc.groups ?? []) {
      for (const rule of group.rules ?? []) {
        for (const d of rule.data ?? []) {
          if (d.datasourceUid === '__expr__') continue;
          queries.push({
            origin: `alert ${rule.uid ?? '?'} query ${d.refId ?? '?'}`,
            datasourceUid: d.datasourceUid ?? '',
            sql: d.model?.rawSql ?? '',
            format: 'table',
          });
        }
      }
    }
  }
  return queries;
}

export function checkGrafana(
  dashboards: readonly Dashboard[],
  queries: readonly GrafanaQuery[],
  uids: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const d of dashboards) {
    if (d.timezone !== 'Asia/Seoul')
      problems.push({ where: d.file, message: `timezone is ${d.timezone ?? 'unset'}, expected Asia/Seoul` });
    if (d.refresh !== '5s')
      problems.push({ where: d.file, message: `refresh is ${d.refresh ?? 'unset'}, expected 5s` });
  }
  for (const q of queries) {
    if (!uids.has(q.datasourceUid))
      problems.push({ where: q.origin, message: `datasource uid "${q.datasourceUid}" is not provisioned` });
    if (!q.sql.trim()) problems.push({ where: q.origin, message: 'empty query' });
  }
  return problems;
}
