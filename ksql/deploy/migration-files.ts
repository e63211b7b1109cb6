import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../common/errors.ts';

/**
 * A migration file as ksqlDB's `ksql-migrations` tool sees it
 * (`MigrationsDirectoryUtil`: name pattern `V([0-9]{6})__(.+)\.sql`, version 1..999999,
 * files sorted by name, checksum = lower-case hex MD5 of the raw bytes).
 */
export interface MigrationFile {
  readonly version: number;
  /** The description with `_` turned into spaces, as ksql-migrations records it. */
  readonly name: string;
  readonly fileName: string;
  readonly path: string;
  readonly checksum: string;
  readonly content: string;
}

const FILE_PATTERN = /^V([0-9]{6})__(.+)\.sql$/;

export function checksumOf(bytes: Buffer | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

export interface MigrationDirectory {
  readonly files: readonly MigrationFile[];
  /** Files skipped because their names do not match the pattern (ksql-migrations warns too). */
  readonly skipped: readonly string[];
}

export function loadMigrationFiles(dir: string): MigrationDirectory {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    throw new ConfigError('migrations directory', `cannot read migrations directory ${dir}`, { cause: err });
  }
  const files: MigrationFile[] = [];
  const skipped: string[] = [];
  const seen = new Map<number, string>();
  for (const fileName of names) {
    const m = FILE_PATTERN.exec(fileName);
    if (!m) {
      if (fileName.endsWith('.sql')) skipped.push(fileName);
      continue;
    }
    const version = Number(m[1]);
    if (version === 0) {
      throw new ConfigError('migrations directory', `${fileName}: version 000000 is invalid`, {
        hint: 'versions start at V000001',
      });
    }
    const other = seen.get(version);
    if (other) {
      throw new ConfigError(
        'migrations directory',
        `${fileName} and ${other} have the same version ${version}`,
        {
          hint: 'give each migration file its own version number',
        },
      );
    }
    seen.set(version, fileName);
    const path = join(dir, fileName);
    const bytes = readFileSync(path);
    files.push({
      version,
      name: (m[2] ?? '').replace(/_/g, ' '),
      fileName,
      path,
      checksum: checksumOf(bytes),
      content: bytes.toString('utf8'),
    });
  }
  files.sort((a, b) => a.version - b.version);
  return { files, skipped };
}
