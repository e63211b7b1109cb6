import { readFileSync } from 'node:fs';

/** Parses a dotenv file (`KEY=value` lines, `#` comments) into a map. */
export function parseEnvFile(path: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) vars.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return vars;
}

/** `${VAR}`, `${VAR:-default}`, `$VAR` references in a text (`$$` is an escaped dollar). */
export function variableReferences(text: string): { name: string; fallback?: string }[] {
  const refs: { name: string; fallback?: string }[] = [];
  const re = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '$$') continue;
    const name = m[1] ?? m[3];
    if (name) refs.push(m[2] === undefined ? { name } : { name, fallback: m[2] });
  }
  return refs;
}

/** Replaces `${VAR:-default}` / `${VAR}` with values from `vars` (or the default). */
export function interpolate(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
    (_m, name: string, fallback?: string) => {
      return vars.get(name) ?? fallback ?? '';
    },
  );
}
