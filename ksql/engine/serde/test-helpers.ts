import type { Column } from '../schema/logical-schema.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { FormatName, KeyFormat, SerdeFeature, ValueFormat, WindowInfo } from './serde-types.ts';

/** Small builders for serde tests. */
export function keyCol(name: string, type: SqlType): Column {
  return { name, type, namespace: 'KEY' };
}

export function valCol(name: string, type: SqlType): Column {
  return { name, type, namespace: 'VALUE' };
}

export function keyFormat(
  format: FormatName,
  opts: { features?: SerdeFeature[]; window?: WindowInfo; properties?: Record<string, string> } = {},
): KeyFormat {
  return {
    info: { format, properties: opts.properties ?? {} },
    features: opts.features ?? [],
    ...(opts.window ? { window: opts.window } : {}),
  };
}

export function valueFormat(
  format: FormatName,
  opts: { features?: SerdeFeature[]; properties?: Record<string, string> } = {},
): ValueFormat {
  return { info: { format, properties: opts.properties ?? {} }, features: opts.features ?? [] };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const text = (b: Uint8Array | null): string | null =>
  b === null ? null : new TextDecoder().decode(b);
export const hex = (b: Uint8Array | null): string | null =>
  b === null ? null : Buffer.from(b).toString('hex');
