import { Decimal } from '../types/decimal.ts';

/**
 * A string identity for a list of key values, used as the Map key of state stores. Within one
 * store every position always holds the same SQL type, so primitives need no type tag; null,
 * bytes and complex values get an unambiguous encoding.
 */
export function keyString(values: readonly unknown[]): string {
  if (values.length === 1) return one(values[0]);
  let s = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) s += '\u0001';
    s += one(values[i]);
  }
  return s;
}

function one(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(v);
    default:
      if (v === null || v === undefined) return '\u0000';
      return '\u0002' + complex(v);
  }
}

function complex(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (v instanceof Decimal) return `d${v.toString()}`;
  if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return `[${v.map(complex).join(',')}]`;
  if (v instanceof Map)
    return `{${[...v.entries()].map(([k, x]) => `${complex(k)}:${complex(x)}`).join(',')}}`;
  const fields = (v as { values?: unknown }).values;
  if (Array.isArray(fields)) return `(${fields.map(complex).join(',')})`;
  return JSON.stringify(v);
}
