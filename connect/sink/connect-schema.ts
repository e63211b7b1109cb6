/**
 * The Connect schema of a record value, as Confluent's AvroConverter (AvroData) derives it from
 * the Avro writer schema, restricted to what the JDBC sink can write: a struct of primitive
 * fields. `["null", T]` unions are optional fields; logical types map to Connect's
 * Timestamp, Date, Time and Decimal.
 */
export type FieldType =
  | 'string'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'float32'
  | 'float64'
  | 'boolean'
  | 'bytes'
  | 'timestamp'
  | 'date'
  | 'time'
  | 'decimal';

export interface ValueField {
  readonly name: string;
  readonly type: FieldType;
  readonly optional: boolean;
  /** Decimal scale (type `decimal` only). */
  readonly scale: number;
}

export interface ValueSchema {
  readonly fields: readonly ValueField[];
  readonly byName: ReadonlyMap<string, ValueField>;
}

/** Thrown when a value schema cannot be written by the JDBC sink (like its ConnectException). */
export class UnsupportedSchemaError extends Error {}

type AvroJson = string | readonly AvroJson[] | { readonly [k: string]: unknown };

export function connectSchemaOf(avro: AvroJson): ValueSchema {
  if (typeof avro !== 'object' || Array.isArray(avro) || (avro as { type?: unknown }).type !== 'record') {
    throw new UnsupportedSchemaError('the JDBC sink needs record values with a struct schema');
  }
  const fields = ((avro as { fields?: unknown }).fields as { name: string; type: AvroJson }[]).map((f) =>
    fieldOf(f.name, f.type),
  );
  return { fields, byName: new Map(fields.map((f) => [f.name, f])) };
}

function fieldOf(name: string, type: AvroJson): ValueField {
  let optional = false;
  let t = type;
  if (Array.isArray(t)) {
    const branches = t.filter((b) => b !== 'null');
    if (branches.length !== 1 || branches.length === t.length) {
      throw new UnsupportedSchemaError(`field ${name}: unions other than ["null", T] are not supported`);
    }
    optional = true;
    t = branches[0] as AvroJson;
  }
  const { primitive, logical, scale } = describe(t);
  const mapped = mapType(name, primitive, logical);
  return { name, type: mapped, optional, scale: scale ?? 0 };
}

function describe(t: AvroJson): {
  primitive: string;
  logical: string | undefined;
  scale: number | undefined;
} {
  if (typeof t === 'string') return { primitive: t, logical: undefined, scale: undefined };
  const o = t as { type?: unknown; logicalType?: unknown; scale?: unknown; connect?: unknown };
  return {
    primitive: typeof o.type === 'string' ? o.type : 'complex',
    logical: typeof o.logicalType === 'string' ? o.logicalType : undefined,
    scale: typeof o.scale === 'number' ? o.scale : undefined,
  };
}

function mapType(name: string, primitive: string, logical: string | undefined): FieldType {
  if (logical === 'timestamp-millis' && primitive === 'long') return 'timestamp';
  if (logical === 'date' && primitive === 'int') return 'date';
  if (logical === 'time-millis' && primitive === 'int') return 'time';
  if (logical === 'decimal' && (primitive === 'bytes' || primitive === 'fixed')) return 'decimal';
  switch (primitive) {
    case 'string':
    case 'enum':
      return 'string';
    case 'int':
      return 'int32';
    case 'long':
      return 'int64';
    case 'float':
      return 'float32';
    case 'double':
      return 'float64';
    case 'boolean':
      return 'boolean';
    case 'bytes':
    case 'fixed':
      return 'bytes';
    default:
      // record, array, map: "Unsupported source data type" in the JDBC sink.
      throw new UnsupportedSchemaError(
        `field ${name}: unsupported source data type ${primitive.toUpperCase()}`,
      );
  }
}
