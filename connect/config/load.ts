import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../common/errors.ts';
import { validateConnectorFile, type ConnectorFile } from './validate.ts';

/** The folder holding one `<connector>.json` per sink connector. */
export const CONNECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface LoadedConnector extends ConnectorFile {
  readonly file: string;
}

/** Reads and validates every `*.json` connector file in `dir`, sorted by file name. */
export async function loadConnectors(dir: string = CONNECT_DIR): Promise<LoadedConnector[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out: LoadedConnector[] = [];
  for (const name of names) out.push(await loadConnector(join(dir, name)));
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.name))
      throw new ConfigError('name', `connector name "${c.name}" is used by more than one file`);
    seen.add(c.name);
  }
  return out;
}

export async function loadConnector(path: string): Promise<LoadedConnector> {
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(file, `${file}: cannot read connector file: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { ...validateConnectorFile(json, file), file };
}
