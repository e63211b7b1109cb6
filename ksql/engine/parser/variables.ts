import { scanQuoted } from './lexer.ts';

/**
 * `${name}` substitution, done on a statement's text before it is parsed, as ksqlDB does
 * (VariableSubstitutor, docs how-to-guides/substitute-variables.md):
 * - names are case-insensitive (`${replicas}` = `${REPLICAS}`);
 * - references are replaced everywhere, inside string literals too (`'${format}'`); there a
 *   value's single quotes are doubled so the literal stays one string (VariableSubstitutor
 *   sanitizes values in string literals);
 * - an undefined variable is left as written; the parser then rejects it where it stands;
 * - `$${name}` escapes a reference: it becomes the literal text `${name}`.
 * Variables come from DEFINE statements executed so far (see parseStatements in index.ts).
 */
export function substituteVariables(
  text: string,
  variables: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string {
  const entries = variables instanceof Map ? [...variables] : Object.entries(variables);
  const byName = new Map(entries.map(([k, v]) => [k.toUpperCase(), v] as const));
  const replace = (ref: string, name: string, inString: boolean): string => {
    if (ref.startsWith('$$')) return ref.slice(1);
    const value = byName.get(name.toUpperCase());
    if (value === undefined) return ref;
    return inString ? value.replaceAll("'", "''") : value;
  };
  const reference = new RegExp(REFERENCE.source, 'y');
  let out = '';
  let inString = false;
  let i = 0;
  while (i < text.length) {
    reference.lastIndex = i;
    const m = text[i] === '$' ? reference.exec(text) : null;
    if (m) {
      out += replace(m[0], m[1] as string, inString);
      i += m[0].length;
      continue;
    }
    const skip = inString ? 0 : opaqueLength(text, i);
    if (skip > 0) {
      // Comments and quoted identifiers: quotes in them do not start strings; references in
      // them are replaced raw.
      const all = new RegExp(REFERENCE.source, 'g');
      out += text.slice(i, i + skip).replace(all, (ref: string, name: string) => replace(ref, name, false));
      i += skip;
      continue;
    }
    if (text[i] === "'") inString = !inString; // `''` inside a string toggles twice: still inside
    out += text[i];
    i++;
  }
  return out;
}

/** `${name}`, or `$${name}` (escaped). */
const REFERENCE = /\$?\$\{([A-Za-z_][A-Za-z0-9_@]*)\}/;

/** Length of a comment or quoted identifier starting at `i` (0 if none starts there). */
function opaqueLength(text: string, i: number): number {
  const ch = text[i];
  const next = text[i + 1];
  let end = -1;
  if (ch === '-' && next === '-') {
    end = text.indexOf('\n', i);
  } else if (ch === '/' && next === '*') {
    end = text.indexOf('*/', i + 2);
    if (end >= 0) end += 2;
  } else if (ch === '`' || ch === '"') {
    end = scanQuoted(text, i, ch);
  } else {
    return 0;
  }
  return (end < 0 ? text.length : end) - i;
}
