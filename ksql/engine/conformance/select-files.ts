import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { UsageError } from '../../../common/errors.ts';
import { classifyFile, listQttFiles, QTT_ROOT, type TestFile } from './qtt-paths.ts';

/**
 * The files a `conformance` invocation runs: all of the QTT root by default, else the named
 * ones — a path (relative to the cwd) or a name relative to the QTT root (`count.json`,
 * `sql-tests/test.sql`).
 */
export async function selectFiles(args: readonly string[], root: string = QTT_ROOT): Promise<TestFile[]> {
  if (args.length === 0) return listQttFiles(root);
  return args.map((arg) => {
    if (!/\.(json|sql)$/.test(arg))
      throw new UsageError(`not a QTT file: ${arg}`, { hint: 'give *.json or *.sql files' });
    const candidates = [
      resolve(arg),
      join(root, arg),
      join(root, 'sql-tests', arg),
      join(root, 'rest-query-validation-tests', arg),
    ];
    const path = candidates.find((p) => existsSync(p));
    if (!path)
      throw new UsageError(`no such test file: ${arg}`, {
        hint: `names are relative to ${root} or the current directory`,
      });
    const rel = relative(root, path);
    return classifyFile(path, rel.startsWith('..') ? basename(path) : rel);
  });
}
