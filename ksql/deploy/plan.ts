import { DeployError } from './errors.ts';
import type { MetadataStore, MigrationRow } from './metadata.ts';
import { NO_PREVIOUS } from './metadata.ts';
import type { MigrationFile } from './migration-files.ts';

/**
 * What the server has applied, checked against the local files the way `ksql-migrations
 * validate` does (reference c.4): the chain from the latest version back through `previous`
 * must be all MIGRATED with checksums equal to the local files.
 */
export interface ServerState {
  readonly current: MigrationRow | undefined;
  /** Applied rows by version, walking the chain from the current version. */
  readonly applied: ReadonlyMap<number, MigrationRow>;
}

export async function readServerState(store: MetadataStore): Promise<ServerState> {
  const current = await store.read('CURRENT');
  const applied = new Map<number, MigrationRow>();
  let key = current?.version;
  while (key && key !== NO_PREVIOUS && !applied.has(Number(key))) {
    const row = await store.read(key);
    if (!row) break;
    applied.set(Number(key), row);
    key = row.previous;
  }
  return { current, applied };
}

export interface ValidationProblem {
  readonly version: number;
  readonly file?: string;
  readonly problem: string;
}

export function validateAgainstFiles(
  state: ServerState,
  files: readonly MigrationFile[],
): ValidationProblem[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const problems: ValidationProblem[] = [];
  for (const [version, row] of state.applied) {
    const file = byVersion.get(version);
    if (row.state !== 'MIGRATED') {
      problems.push({
        version,
        file: file?.fileName,
        problem: `state is ${row.state}${row.errorReason && row.errorReason !== 'N/A' ? `: ${row.errorReason}` : ''}`,
      });
    }
    if (!file) {
      problems.push({
        version,
        problem: `version ${version} was applied but its file is missing from the migrations directory`,
      });
    } else if (file.checksum !== row.checksum) {
      problems.push({
        version,
        file: file.fileName,
        problem: `${file.fileName} changed after it was applied (checksum ${row.checksum} on the server, ${file.checksum} locally)`,
      });
    }
  }
  return problems;
}

export function latestVersion(state: ServerState): number {
  const v = Number(state.current?.version ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/** Files to apply: after the latest applied version, up to `until` inclusive. */
export function pendingFiles(
  state: ServerState,
  files: readonly MigrationFile[],
  until?: number,
): MigrationFile[] {
  const latest = latestVersion(state);
  if (until !== undefined && !files.some((f) => f.version === until)) {
    throw new DeployError(`--until ${until}: no migration file has version ${until}`, { retriable: false });
  }
  return files.filter((f) => f.version > latest && (until === undefined || f.version <= until));
}
