/**
 * `${name}` substitution, done on a statement's text before it is parsed, as ksqlDB does
 * (VariableSubstitutor, docs how-to-guides/substitute-variables.md):
 * - names are case-insensitive (`${replicas}` = `${REPLICAS}`);
 * - references are replaced everywhere, inside string literals too (`'${format}'`);
 * - an undefined variable is left as written; the parser then rejects it where it stands;
 * - `$${name}` escapes a reference: it becomes the literal text `${name}`.
 * Variables come from DEFINE statements executed so far (see parseScript in index.ts).
 */
export function substituteVariables(
  text: string,
  variables: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string {
  const entries = variables instanceof Map ? [...variables] : Object.entries(variables);
  const byName = new Map(entries.map(([k, v]) => [k.toUpperCase(), v] as const));
  return text.replace(/\$?\$\{([A-Za-z_][A-Za-z0-9_@]*)\}/g, (ref: string, name: string) => {
    if (ref.startsWith('$$')) return ref.slice(1);
    return byName.get(name.toUpperCase()) ?? ref;
  });
}
