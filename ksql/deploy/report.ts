import type { FileResult, StatementResult } from './apply.ts';
import type { MigrationFile } from './migration-files.ts';
import type { ServerState } from './plan.ts';

/** Text rendering of deploy results; the command chooses the exit code. */
export function formatStatement(r: StatementResult): string {
  const head = `  [${r.status}] ${r.file}:${r.line} ${oneLine(r.statement)}`;
  return r.message && r.status !== 'applied' ? `${head}\n      ${r.message}` : head;
}

function oneLine(sql: string, max = 100): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatSummary(results: readonly FileResult[]): string {
  const count = (s: FileResult['status']): number => results.filter((r) => r.status === s).length;
  return `deploy-queries: ${count('migrated')} migrated, ${count('failed')} failed, ${count('not-run')} not run`;
}

export function formatInfo(state: ServerState, files: readonly MigrationFile[]): string {
  const lines = [`Current migration version: ${state.current?.version || '<none>'}`, ''];
  const header = [
    'Version',
    'Name',
    'State',
    'Previous Version',
    'Started On',
    'Completed On',
    'Error Reason',
  ];
  const rows = files.map((f) => {
    const row = state.applied.get(f.version);
    const at = (ms: string | undefined): string => (ms ? new Date(Number(ms)).toISOString() : 'N/A');
    return [
      String(f.version),
      f.name,
      row?.state ?? 'PENDING',
      row?.previous ?? 'N/A',
      at(row?.startedOn),
      row?.completedOn ? at(row.completedOn) : 'N/A',
      row?.errorReason ?? 'N/A',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(fmt));
  return lines.join('\n');
}
