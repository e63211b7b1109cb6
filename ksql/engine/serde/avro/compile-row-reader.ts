import type { Column } from '../../schema/logical-schema.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { attr, type AvroNames, type AvroNode } from './avro-schema-walk.ts';
import { ABORT, AvroByteReader } from './avro-byte-reader.ts';
import { compileValueReader, type ValueReader } from './compile-value-reader.ts';
import { compileValueSkipper, type ValueSkipper } from './compile-value-skipper.ts';

/** Decodes the Avro body of one record (no wire-format header) into the column values. */
export type RowReader = (body: Buffer) => unknown[];

/**
 * Compiles a reader for records written with the WRITER record schema `record` into the values
 * of the reader `columns`, in one pass over the bytes with no intermediate objects: what
 * `avsc.fromBuffer` followed by `toStruct(...).values` returns, for the schemas it compiles.
 * Writer fields map to columns as `toStruct` maps them (exact name first, then
 * case-insensitive); unmapped fields are skipped undecoded; columns without a field are null.
 *
 * Returns undefined when a field needs a conversion the compiler does not have; the codec
 * then keeps the avsc path for this schema. The compiled reader throws `AvroReadAbort` on
 * input it does not vouch for (truncated, trailing bytes, bad indexes): the codec then decodes
 * the record with avsc, which returns its value or throws its own error.
 */
export function compileRowReader(
  record: AvroNode,
  names: AvroNames,
  columns: readonly Column[],
): RowReader | undefined {
  const fields = attr(record, 'fields') as readonly { name: string; type: AvroSchema }[];
  const exact = new Map(fields.map((f, i) => [f.name, i]));
  const upper = new Map<string, number>();
  fields.forEach((f, i) => {
    if (!upper.has(f.name.toUpperCase())) upper.set(f.name.toUpperCase(), i);
  });
  const target = new Array<number>(fields.length).fill(-1);
  const absent: number[] = [];
  for (let c = 0; c < columns.length; c++) {
    const name = (columns[c] as Column).name;
    const i = exact.get(name) ?? upper.get(name.toUpperCase());
    if (i === undefined) absent.push(c);
    else if (target[i] !== -1)
      return undefined; // one field read into two columns: avsc path
    else target[i] = c;
  }
  const steps: { readonly column: number; readonly read: ValueReader | ValueSkipper }[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as { name: string; type: AvroSchema };
    const column = target[i] as number;
    const read =
      column >= 0
        ? compileValueReader(f.type, names, (columns[column] as Column).type)
        : compileValueSkipper(f.type, names);
    if (!read) return undefined;
    steps.push({ column, read });
  }
  const width = columns.length;
  const reader = new AvroByteReader();
  return (body) => {
    reader.reset(body);
    const out = new Array<unknown>(width);
    for (let i = 0; i < absent.length; i++) out[absent[i] as number] = null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as (typeof steps)[number];
      const v = step.read(reader);
      if (step.column >= 0) out[step.column] = v;
    }
    if (reader.pos !== reader.end) throw ABORT;
    return out;
  };
}
