import type { AvroSchema } from './avro-schema-gen.ts';
import { attr, baseType, type AvroNames, type AvroNode } from './avro-schema-walk.ts';
import { ABORT, type AvroByteReader } from './avro-byte-reader.ts';

/** Moves the cursor over one value without building it. */
export type ValueSkipper = (r: AvroByteReader) => void;

/**
 * Compiles the skipper of a writer field no reader column reads (Avro 1.11 spec, "Binary
 * Encoding"). It rejects what avsc would reject while reading the field (union and enum
 * indexes), since avsc decodes every field of the record. Undefined for schemas it does not
 * know (the record is then decoded by avsc).
 */
export function compileValueSkipper(
  schema: AvroSchema,
  names: AvroNames,
  seen: ReadonlySet<object> = new Set(),
): ValueSkipper | undefined {
  const node = names.resolve(schema);
  if (Array.isArray(node)) {
    const branches = (node as readonly AvroSchema[]).map((b) => compileValueSkipper(b, names, seen));
    if (branches.some((b) => b === undefined)) return undefined;
    return (r) => {
      const branch = branches[r.readInt()];
      if (!branch) throw ABORT;
      branch(r);
    };
  }
  switch (baseType(node)) {
    case 'null':
      return () => {};
    case 'boolean':
      return (r) => r.skip(1);
    case 'int':
    case 'long':
      return (r) => r.skipVarint();
    case 'float':
      return (r) => r.skip(4);
    case 'double':
      return (r) => r.skip(8);
    case 'string':
    case 'bytes':
      return (r) => r.skipBytes();
    case 'fixed': {
      const size = attr(node, 'size') as number;
      return (r) => r.skip(size);
    }
    case 'enum': {
      const count = (attr(node, 'symbols') as readonly string[]).length;
      return (r) => {
        const i = r.readInt();
        if (i < 0 || i >= count) throw ABORT;
      };
    }
    case 'record':
    case 'error':
      return recordSkipper(node as object & AvroNode, names, seen);
    case 'array':
      return blocksSkipper(compileValueSkipper(attr(node, 'items') as AvroSchema, names, seen), false);
    case 'map':
      return blocksSkipper(compileValueSkipper(attr(node, 'values') as AvroSchema, names, seen), true);
    default:
      return undefined;
  }
}

/** Recursive records (a field naming its own record) are left to avsc. */
function recordSkipper(
  node: object & AvroNode,
  names: AvroNames,
  seen: ReadonlySet<object>,
): ValueSkipper | undefined {
  if (seen.has(node)) return undefined;
  const inner = new Set(seen).add(node);
  const fields = (attr(node, 'fields') as { type: AvroSchema }[]).map((f) =>
    compileValueSkipper(f.type, names, inner),
  );
  if (fields.some((f) => f === undefined)) return undefined;
  return (r) => {
    for (const f of fields) (f as ValueSkipper)(r);
  };
}

/** Arrays and maps: blocks of `count` items (a negative count is followed by the block's byte size). */
function blocksSkipper(item: ValueSkipper | undefined, withKeys: boolean): ValueSkipper | undefined {
  if (!item) return undefined;
  return (r) => {
    for (;;) {
      let count = r.readInt();
      if (count === 0) return;
      if (count < 0) {
        count = -count;
        r.skipVarint();
      }
      for (let i = 0; i < count; i++) {
        if (withKeys) r.skipBytes();
        item(r);
      }
    }
  };
}
