import { PollTimeout, pollUntil } from '../../common/poll.ts';
import { DeployError } from './errors.ts';
import type { KsqlDbClient, KsqlEntity } from './ksqldb-client.ts';
import type { MetadataStore } from './metadata.ts';
import { NO_PREVIOUS } from './metadata.ts';
import type { MigrationFile } from './migration-files.ts';
import { splitSql } from './split-sql.ts';

/**
 * Applies migration files in version order, one statement at a time, recording each file's
 * state as ksql-migrations does (RUNNING → MIGRATED, or ERROR with
 * `Failed to execute sql: <stmt>. Error: <msg>`). Never throws halfway: returns a result per
 * statement, and stops at the first failure with everything after it `not-run`.
 */
export type StatementStatus = 'applied' | 'skipped' | 'failed' | 'not-run';

export interface StatementResult {
  readonly file: string;
  readonly version: number;
  readonly line: number;
  readonly statement: string;
  readonly status: StatementStatus;
  readonly message?: string;
}

export interface FileResult {
  readonly file: MigrationFile;
  readonly status: 'migrated' | 'failed' | 'not-run';
  readonly statements: readonly StatementResult[];
}

export interface ApplyContext {
  readonly client: KsqlDbClient;
  readonly store: MetadataStore;
  readonly variables: Readonly<Record<string, string>>;
  readonly now: () => number;
  /** Called before each file (lock renewal). */
  readonly beforeFile?: (file: MigrationFile) => Promise<void>;
  readonly onStatement?: (result: StatementResult) => void;
  readonly commandTimeoutMs?: number;
}

/** Statement kinds the migrations tool refuses inside a migration (CommandParser). */
const REFUSED = /^\s*(SELECT|DESCRIBE|EXPLAIN|PRINT|SHOW|LIST)\b/i;
const DEFINE = /^\s*DEFINE\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*'((?:[^']|'')*)'\s*;\s*$/i;
const UNDEFINE = /^\s*UNDEFINE\s+([A-Za-z_][A-Za-z0-9_]*)\s*;\s*$/i;
const SET = /^\s*SET\s+'([^']+)'\s*=\s*'((?:[^']|'')*)'\s*;\s*$/i;
const UNSET = /^\s*UNSET\s+'([^']+)'\s*;\s*$/i;

export async function applyFiles(
  ctx: ApplyContext,
  files: readonly MigrationFile[],
  previousVersion: number,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  let previous = previousVersion > 0 ? String(previousVersion) : NO_PREVIOUS;
  let failed = false;
  for (const file of files) {
    if (failed) {
      results.push({ file, status: 'not-run', statements: notRun(file) });
      continue;
    }
    const result = await applyFile(ctx, file, previous);
    results.push(result);
    if (result.status === 'failed') failed = true;
    previous = String(file.version);
  }
  return results;
}

function notRun(file: MigrationFile): StatementResult[] {
  try {
    return splitSql(file.content, file.fileName).map((s) => ({
      file: file.fileName,
      version: file.version,
      line: s.line,
      statement: s.sql,
      status: 'not-run' as const,
    }));
  } catch {
    return [];
  }
}

async function applyFile(ctx: ApplyContext, file: MigrationFile, previous: string): Promise<FileResult> {
  const startedOn = String(ctx.now());
  const row = {
    version: String(file.version),
    name: file.name,
    checksum: file.checksum,
    startedOn,
    previous,
  };
  const statements: StatementResult[] = [];
  const record = (r: StatementResult): void => {
    statements.push(r);
    ctx.onStatement?.(r);
  };
  const fail = async (reason: string): Promise<FileResult> => {
    await ctx.store.write({ ...row, state: 'ERROR', completedOn: String(ctx.now()), errorReason: reason });
    return { file, status: 'failed', statements };
  };

  await ctx.beforeFile?.(file);
  let split;
  try {
    split = splitSql(file.content, file.fileName);
  } catch (err) {
    await ctx.store.write({ ...row, state: 'RUNNING', completedOn: '', errorReason: 'N/A' });
    return fail(`Failed to parse sql: ${(err as Error).message}`);
  }
  await ctx.store.write({ ...row, state: 'RUNNING', completedOn: '', errorReason: 'N/A' });

  const variables: Record<string, string> = { ...ctx.variables };
  const properties: Record<string, string> = {};
  let sequence: number | undefined;
  for (let i = 0; i < split.length; i++) {
    const s = split[i]!;
    const base = { file: file.fileName, version: file.version, line: s.line, statement: s.sql };
    try {
      const local = applyClientSide(s.sql, variables, properties);
      if (local) {
        record({ ...base, status: 'applied', message: local });
        continue;
      }
      if (REFUSED.test(s.sql)) {
        throw new DeployError(
          `${s.sql.split(/\s/)[0]?.toUpperCase()} statements are not allowed in migrations`,
          {
            retriable: false,
          },
        );
      }
      const entities = await ctx.client.ksql({
        ksql: s.sql,
        streamsProperties: properties,
        sessionVariables: variables,
        commandSequenceNumber: sequence,
      });
      sequence = await waitForCommands(ctx, entities, sequence);
      record({ ...base, status: 'applied', message: summarize(entities) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      record({ ...base, status: 'failed', message });
      for (const rest of split.slice(i + 1)) {
        record({
          file: file.fileName,
          version: file.version,
          line: rest.line,
          statement: rest.sql,
          status: 'not-run',
        });
      }
      return fail(`Failed to execute sql: ${s.sql}. Error: ${message}`);
    }
  }
  await ctx.store.write({ ...row, state: 'MIGRATED', completedOn: String(ctx.now()), errorReason: 'N/A' });
  return { file, status: 'migrated', statements };
}

/** DEFINE/UNDEFINE/SET/UNSET act on the client for the rest of the file, as in ksql-migrations. */
function applyClientSide(
  sql: string,
  variables: Record<string, string>,
  properties: Record<string, string>,
): string | undefined {
  let m = DEFINE.exec(sql);
  if (m) {
    variables[m[1]!] = m[2]!.replace(/''/g, "'");
    return `variable ${m[1]} defined`;
  }
  m = UNDEFINE.exec(sql);
  if (m) {
    delete variables[m[1]!];
    return `variable ${m[1]} undefined`;
  }
  m = SET.exec(sql);
  if (m) {
    properties[m[1]!] = m[2]!.replace(/''/g, "'");
    return `property ${m[1]} set`;
  }
  m = UNSET.exec(sql);
  if (m) {
    delete properties[m[1]!];
    return `property ${m[1]} unset`;
  }
  return undefined;
}

/** Waits until every command the statement queued has finished; returns the last sequence number. */
async function waitForCommands(
  ctx: ApplyContext,
  entities: readonly KsqlEntity[],
  sequence: number | undefined,
): Promise<number | undefined> {
  let last = sequence;
  for (const entity of entities) {
    if (typeof entity.commandSequenceNumber === 'number' && entity.commandSequenceNumber >= 0) {
      last = entity.commandSequenceNumber;
    }
    const id = entity.commandId;
    const status = entity.commandStatus?.status;
    if (!id || !status || isTerminal(status)) {
      if (status === 'ERROR')
        throw new DeployError(entity.commandStatus?.message ?? 'command failed', { retriable: false });
      continue;
    }
    const final = await pollUntil(
      async () => {
        const s = await ctx.client.commandStatus(id);
        return isTerminal(s.status) ? s : undefined;
      },
      { timeoutMs: ctx.commandTimeoutMs ?? 60_000, now: ctx.now },
    ).catch((err: unknown) => {
      if (err instanceof PollTimeout)
        throw new DeployError(`command ${id} did not complete in time`, { retriable: true }, { cause: err });
      throw err;
    });
    if (final.status === 'ERROR') throw new DeployError(final.message, { retriable: false });
  }
  return last;
}

function isTerminal(status: string): boolean {
  return status === 'SUCCESS' || status === 'ERROR' || status === 'TERMINATED';
}

function summarize(entities: readonly KsqlEntity[]): string {
  return entities
    .map((e) => e.commandStatus?.message ?? e['@type'])
    .filter(Boolean)
    .join('; ');
}
