/** Strips `loc` and `text` from an AST so trees parsed from different spellings compare equal. */
export function stripLocations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripLocations);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'loc' || k === 'text') continue;
    out[k] = stripLocations(v);
  }
  return out;
}
