import { readFileSync } from 'node:fs';
import { UsageError } from '../../common/errors.ts';
import type { TruthRecord } from '../../generator/truth.ts';

/** Reads a ground-truth JSON Lines file (generate --truth-file, npm start --truth-file). */
export function readTruthFile(path: string): TruthRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the ground-truth file`, {
      hint: 'write one with npm run generate -- --truth-file <file>',
    });
  }
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== '')
    .map(({ line, n }) => {
      try {
        return JSON.parse(line) as TruthRecord;
      } catch {
        throw new UsageError(`${path}:${n}: not a JSON truth record`);
      }
    });
}
