import { readFileSync } from 'node:fs';
import { UsageError } from '../../common/errors.ts';

/**
 * Variables for `${name}` substitution in the query set: defaults from ksql/variables.json,
 * overridden by `--define name=value`. They are sent to ksqlDB as `sessionVariables`, so the
 * server substitutes them exactly as ksql-migrations' `--define` does.
 */
export function loadDefaultVariables(path: string): Record<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { default: string }>;
  return Object.fromEntries(Object.entries(raw).map(([name, v]) => [name, String(v.default)]));
}

export function parseDefine(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
  if (!m) {
    throw new UsageError(`--define ${text}: expected name=value`, {
      hint: 'e.g. --define suspicious_ip_min_orders=20',
    });
  }
  return { ...previous, [m[1]!]: m[2]! };
}
