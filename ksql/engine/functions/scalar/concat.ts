import { BYTES, STRING } from '../../types/sql-type.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** All arguments STRING (or NULL), or all BYTES (or NULL): the shared element type, else undefined. */
export function stringOrBytes(
  t: readonly ({ kind: string } | undefined)[],
): typeof STRING | typeof BYTES | undefined {
  const kinds = new Set(t.filter((x) => x !== undefined).map((x) => x.kind));
  if (kinds.size === 0 || (kinds.size === 1 && kinds.has('STRING'))) return STRING;
  if (kinds.size === 1 && kinds.has('BYTES')) return BYTES;
  return undefined;
}

/** CONCAT(a, b, ...): NULL arguments count as empty (concat.json); STRING or BYTES. */
export const concat = scalarFunction('CONCAT', (t) => {
  const type = stringOrBytes(t);
  if (t.length === 0 || !type) return noOverload('CONCAT', t);
  if (type.kind === 'BYTES') {
    return resolved(BYTES, (args) => concatBytes(args.filter((a): a is Uint8Array => a !== null)));
  }
  return resolved(STRING, (args) => {
    let s = '';
    for (const a of args) if (a !== null) s += a as string;
    return s;
  });
});

/** CONCAT_WS(sep, a, b, ...): NULL values are skipped; a NULL separator gives NULL (concat.json). */
export const concatWs = scalarFunction('CONCAT_WS', (t) => {
  const type = stringOrBytes(t);
  if (t.length < 2 || !type) return noOverload('CONCAT_WS', t);
  if (type.kind === 'BYTES') {
    return resolved(BYTES, ([sep, ...rest]) => {
      if (sep === null) return null;
      const parts: Uint8Array[] = [];
      for (const r of rest) {
        if (r === null) continue;
        if (parts.length > 0) parts.push(sep as Uint8Array);
        parts.push(r as Uint8Array);
      }
      return concatBytes(parts);
    });
  }
  return resolved(STRING, ([sep, ...rest]) =>
    sep === null ? null : rest.filter((r) => r !== null).join(sep as string),
  );
});
