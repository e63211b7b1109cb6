import type { AvroSchema } from './avro-schema-gen.ts';

/** A schema node with named references resolved. */
export type AvroNode = string | readonly AvroSchema[] | { readonly [k: string]: unknown };

/**
 * Indexes the named types (record, enum, fixed) of a schema by full and short name so that
 * references like `"customer"` can be followed while walking values.
 */
export class AvroNames {
  private readonly byName = new Map<string, AvroNode>();

  /** `keepFieldNames`: a flag carried for schema inference (see avro-infer.ts). */
  constructor(
    root: AvroSchema,
    readonly keepFieldNames = false,
  ) {
    this.collect(root, undefined);
  }

  resolve(node: AvroSchema): AvroNode {
    if (typeof node === 'string' && !PRIMITIVES.has(node)) {
      const found = this.byName.get(node);
      if (found) return found;
    }
    return node;
  }

  private collect(node: AvroSchema, ns: string | undefined): void {
    if (Array.isArray(node)) {
      for (const n of node) this.collect(n as AvroSchema, ns);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    const type = obj['type'];
    if (
      (type === 'record' || type === 'error' || type === 'enum' || type === 'fixed') &&
      typeof obj['name'] === 'string'
    ) {
      const name = obj['name'];
      const explicitNs = typeof obj['namespace'] === 'string' ? obj['namespace'] : undefined;
      const full = name.includes('.')
        ? name
        : explicitNs
          ? `${explicitNs}.${name}`
          : ns
            ? `${ns}.${name}`
            : name;
      this.byName.set(full, obj);
      this.byName.set(full.slice(full.lastIndexOf('.') + 1), obj);
      const childNs = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : undefined;
      for (const f of (obj['fields'] as { type: AvroSchema }[] | undefined) ?? [])
        this.collect(f.type, childNs);
      return;
    }
    if (type === 'array') this.collect(obj['items'] as AvroSchema, ns);
    if (type === 'map') this.collect(obj['values'] as AvroSchema, ns);
    if (typeof type === 'object' && type !== null) this.collect(type as AvroSchema, ns);
  }
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** The base type name of a (resolved) node: 'int', 'record', 'array', 'union', ... */
export function baseType(node: AvroNode): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return 'union';
  const t = (node as Record<string, unknown>)['type'];
  if (typeof t === 'string') return t;
  return baseType(t as AvroNode);
}

export function attr(node: AvroNode, key: string): unknown {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

/** Decimal scale/precision of a bytes/fixed node with logicalType decimal, else undefined. */
export function decimalOf(node: AvroNode): { precision: number; scale: number } | undefined {
  const logical = attr(node, 'logicalType');
  const connect = attr(node, 'connect.name');
  if (logical !== 'decimal' && connect !== 'org.apache.kafka.connect.data.Decimal') return undefined;
  const params = attr(node, 'connect.parameters') as Record<string, string> | undefined;
  const scale = Number(attr(node, 'scale') ?? params?.['scale'] ?? 0);
  const precision = Number(attr(node, 'precision') ?? params?.['connect.decimal.precision'] ?? 64);
  return { precision, scale };
}

/** True for Connect's map encoding: array of records marked `connect.internal.type: MapEntry`. */
export function isMapEntryArray(node: AvroNode, names: AvroNames): boolean {
  if (baseType(node) !== 'array') return false;
  const items = names.resolve(attr(node, 'items') as AvroSchema);
  return baseType(items) === 'record' && attr(items, 'connect.internal.type') === 'MapEntry';
}
