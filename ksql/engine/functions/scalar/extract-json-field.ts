import { isLosslessNumber, parse, stringify } from 'lossless-json';
import { STRING } from '../../types/sql-type.ts';
import { argIs, noOverload, resolved, scalarFunction } from './define.ts';

/** Splits `$.a.b[0]['c d']` into steps. */
function pathSteps(path: string): (string | number)[] | null {
  if (!path.startsWith('$')) return null;
  const steps: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let at = 1;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m.index !== at) return null;
    at = re.lastIndex;
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  return at === path.length ? steps : null;
}

/**
 * EXTRACTJSONFIELD(json, path): the value at a JsonPath (`$.a.b[0]`); text values come back
 * unquoted, other values as compact JSON with numbers as written; missing, invalid JSON or
 * JSON null → NULL.
 */
export const extractJsonField = scalarFunction('EXTRACTJSONFIELD', (t) =>
  t.length === 2 && argIs(t[0], 'STRING') && argIs(t[1], 'STRING')
    ? resolved(STRING, ([json, path]) => {
        if (json === null || path === null) return null;
        const steps = pathSteps(path as string);
        if (!steps) return null;
        let node: unknown;
        try {
          node = parse(json as string);
        } catch {
          return null;
        }
        for (const s of steps) {
          if (node === null || typeof node !== 'object') return null;
          node =
            typeof s === 'number'
              ? Array.isArray(node)
                ? node[s]
                : undefined
              : (node as Record<string, unknown>)[s];
          if (node === undefined) return null;
        }
        if (node === null || node === undefined) return null;
        if (typeof node === 'string') return node;
        if (isLosslessNumber(node)) return node.toString();
        return stringify(node) ?? null;
      })
    : noOverload('EXTRACTJSONFIELD', t),
);
