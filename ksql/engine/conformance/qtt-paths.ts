import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** ksqlDB's QTT data beside the project (`../shared/ksqldb-qtt`, see its MANIFEST.md). */
export const QTT_ROOT = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../shared/ksqldb-qtt',
);

/** The project's own SQL query tests. */
export const QUERY_TESTS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../tests');

export type TestFileKind = 'qtt' | 'rest' | 'sql';

export interface TestFile {
  readonly path: string;
  /** Name relative to the QTT root, as printed and stored in the baseline (`sql-tests/test.sql`). */
  readonly label: string;
  readonly kind: TestFileKind;
}

/** Every runnable file under the QTT root: *.json, rest-query-validation-tests/*.json, sql-tests/*.sql. */
export async function listQttFiles(root: string = QTT_ROOT): Promise<TestFile[]> {
  const list = async (dir: string, ext: string): Promise<string[]> =>
    (await readdir(join(root, dir), { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith(ext))
      .map((e) => (dir === '.' ? e.name : `${dir}/${e.name}`))
      .sort();
  const files: TestFile[] = [];
  for (const label of await list('.', '.json')) files.push({ path: join(root, label), label, kind: 'qtt' });
  for (const label of await list('rest-query-validation-tests', '.json'))
    files.push({ path: join(root, label), label, kind: 'rest' });
  for (const label of await list('sql-tests', '.sql'))
    files.push({ path: join(root, label), label, kind: 'sql' });
  return files;
}

/** A file named on the command line: relative to the cwd if it exists there, else to the QTT root. */
export function classifyFile(path: string, label: string): TestFile {
  const kind: TestFileKind = path.endsWith('.sql')
    ? 'sql'
    : label.startsWith('rest-query-validation-tests/')
      ? 'rest'
      : 'qtt';
  return { path, label, kind };
}
