import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrationFiles } from './migration-files.ts';

describe('loadMigrationFiles', () => {
  it('reads V<6 digits>__<name>.sql in version order with the MD5 of the raw bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, 'V000002__second_step.sql'), 'B;');
    writeFileSync(join(dir, 'V000001__first.sql'), 'A;');
    writeFileSync(join(dir, 'notes.sql'), 'ignored;');
    const { files, skipped } = loadMigrationFiles(dir);
    expect(files.map((f) => [f.version, f.name])).toEqual([
      [1, 'first'],
      [2, 'second step'],
    ]);
    expect(files[0]!.checksum).toBe('34c0de6faf3f5b5719619ff8a277ca51'); // md5("A;")
    expect(skipped).toEqual(['notes.sql']);
  });

  it('rejects duplicate versions and version 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, 'V000001__a.sql'), 'A;');
    writeFileSync(join(dir, 'V000001__b.sql'), 'B;');
    expect(() => loadMigrationFiles(dir)).toThrow(/same version 1/);
    const dir0 = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir0, 'V000000__zero.sql'), 'A;');
    expect(() => loadMigrationFiles(dir0)).toThrow(/version 000000 is invalid/);
  });

  it('loads the project query set', () => {
    const { files } = loadMigrationFiles('ksql/migrations');
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
  });
});
