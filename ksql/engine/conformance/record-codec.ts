import type { KsqlEngine, SourceInfo } from '../api.ts';
import type { Column } from '../schema/logical-schema.ts';
import type { KeySerde, ValueSerde } from '../serde/serde-types.ts';
import type { KafkaRecord, ProducerRecord } from '../topics/topic-log.ts';
import type { Actual } from './actual-value.ts';
import { decodeAvro, encodeAvro } from './avro-spec.ts';
import { decodeProtobuf, encodeProtobuf } from './protobuf-spec.ts';
import { decodeJsonSr, encodeJsonSr } from './json-sr-spec.ts';
import { javaBigDecimal } from './big-decimal.ts';
import type { EngineModules } from './engine-modules.ts';
import {
  isIntegralLexeme,
  isJsonObject,
  isLosslessNumber,
  parseJson,
  stringifyJson,
  type JsonValue,
} from './json.ts';
import type { QttRecord, QttWindow } from './qtt-model.ts';
import { field, toActual, toTyped } from './typed-value.ts';

/**
 * Turns QTT records (the logical JSON form, ../shared/reference/ksqldb.md a.3) into Kafka
 * records and back, as the Java driver's spec serdes do (`SerdeUtil`): JSON is written and
 * read as JSON text keeping number lexemes (ValueSpecJsonSerdeSupplier: floats as BigDecimal),
 * JSON_SR the same behind the prefix `00 00 00 00 01` (json-sr-spec.ts), DELIMITED as the
 * string itself (StringSerdeSupplier), AVRO and PROTOBUF with the subject's
 * registered schema (avro-spec.ts, protobuf-spec.ts), KAFKA (and AVRO/PROTOBUF without a
 * registered schema) through the engine's own serde for the source's columns. Windowed keys carry the Kafka Streams window suffix (e.5).
 */
export class RecordCodec {
  private readonly keySerdes = new Map<string, Promise<KeySerde>>();
  private readonly valueSerdes = new Map<string, Promise<ValueSerde>>();

  constructor(
    private readonly engine: KsqlEngine,
    private readonly mods: EngineModules,
  ) {}

  /** The source an input on `topic` is written for: the first one declared on it. */
  sourceForTopic(topic: string): SourceInfo | undefined {
    return this.engine.listSources().find((s) => s.topic === topic);
  }

  /**
   * A QTT input as the record to append. QTT's topology driver puts every input in partition 0;
   * RestTestExecutor produces to a real cluster, where Kafka's partitioner places keyed records
   * (`partitioned`, push-queries.json "join with ROWPARTITION and ROWOFFSET").
   */
  async encode(rec: QttRecord, partitioned = false): Promise<ProducerRecord> {
    const source = this.sourceForTopic(rec.topic);
    const inner = await this.encodeKey(rec, source);
    const key = rec.window ? wrapWindow(inner, rec.window) : inner;
    return {
      timestamp: rec.timestamp ? Number(rec.timestamp.value) : 0,
      key,
      value: await this.encodeValue(rec, source),
      headers: (rec.headers ?? []).map((h) => ({
        key: h.key,
        value: h.value === null ? null : new Uint8Array(Buffer.from(h.value, 'base64')),
      })),
      ...(partitioned ? {} : { partition: 0 }),
    };
  }

  private async encodeKey(rec: QttRecord, source: SourceInfo | undefined): Promise<Uint8Array | null> {
    if (rec.key === null) return null;
    if (!source) return rawBytes(rec.key);
    const format = source.keyFormat.info.format;
    if (format === 'JSON') return utf8(stringifyJson(rec.key));
    if (format === 'JSON_SR') return encodeJsonSr(rec.key);
    if (format === 'DELIMITED') return rawBytes(rec.key);
    if (format === 'NONE') return null;
    if (format === 'AVRO') {
      const framed = await encodeAvro(rec.key, `${source.topic}-key`, this.engine.registry);
      if (framed) return framed;
    }
    if (format === 'PROTOBUF') {
      const fullName = source.keyFormat.info.properties['fullSchemaName'];
      const framed = await encodeProtobuf(rec.key, `${source.topic}-key`, this.engine.registry, fullName);
      if (framed) return framed;
    }
    const columns = source.schema.key;
    const wrapped = columns.length !== 1 || source.keyFormat.features.includes('WRAP_SINGLES');
    const serde = await this.keySerde(source);
    return serde.serialize(row(rec.key, columns, wrapped));
  }

  private async encodeValue(rec: QttRecord, source: SourceInfo | undefined): Promise<Uint8Array | null> {
    if (rec.value === null) return null;
    if (!source) return rawBytes(rec.value);
    const format = source.valueFormat.info.format;
    if (format === 'JSON') return utf8(stringifyJson(rec.value));
    if (format === 'JSON_SR') return encodeJsonSr(rec.value);
    if (format === 'DELIMITED') return rawBytes(rec.value);
    if (format === 'NONE') return null;
    if (format === 'AVRO') {
      const framed = await encodeAvro(rec.value, `${source.topic}-value`, this.engine.registry);
      if (framed) return framed;
    }
    if (format === 'PROTOBUF') {
      const fullName = source.valueFormat.info.properties['fullSchemaName'];
      const framed = await encodeProtobuf(rec.value, `${source.topic}-value`, this.engine.registry, fullName);
      if (framed) return framed;
    }
    const columns = valueColumns(source);
    const wrapped =
      format !== 'KAFKA' && (columns.length !== 1 || !source.valueFormat.features.includes('UNWRAP_SINGLES'));
    const serde = await this.valueSerde(source);
    return serde.serialize(row(rec.value, columns, wrapped));
  }

  private keySerde(source: SourceInfo): Promise<KeySerde> {
    let s = this.keySerdes.get(source.name);
    if (!s) {
      const { window: _window, ...unwindowed } = source.keyFormat;
      s = this.mods.createKeySerde(unwindowed, source.schema.key, this.ctx(source));
      this.keySerdes.set(source.name, s);
    }
    return s;
  }

  private valueSerde(source: SourceInfo): Promise<ValueSerde> {
    let s = this.valueSerdes.get(source.name);
    if (!s) {
      s = this.mods.createValueSerde(source.valueFormat, valueColumns(source), this.ctx(source));
      this.valueSerdes.set(source.name, s);
    }
    return s;
  }

  private ctx(source: SourceInfo): { topic: string; sourceName: string; registry: KsqlEngine['registry'] } {
    return { topic: source.topic, sourceName: source.name, registry: this.engine.registry };
  }

  /** Decodes a sink topic's records into what the Java driver compares (key, value, window). */
  decode(sink: SourceInfo | undefined, records: readonly KafkaRecord[]): ActualRecord[] {
    return records.map((r) => this.decodeOne(sink, r));
  }

  private decodeOne(sink: SourceInfo | undefined, r: KafkaRecord): ActualRecord {
    const base = {
      timestamp: r.timestamp,
      offset: r.offset,
      partition: r.partition,
      headers: r.headers.map((h) => ({
        key: h.key,
        value: h.value === null ? null : Buffer.from(h.value).toString('base64'),
      })),
    };
    if (!sink) return { ...base, key: rawActual(r.key), value: rawActual(r.value) };
    const kf = sink.keyFormat;
    let keyBytes = r.key;
    let window: QttWindow | undefined;
    if (kf.window && keyBytes !== null) {
      const unwrapped = unwrapWindow(keyBytes, kf.window.type === 'SESSION' ? 'session' : 'time');
      keyBytes = unwrapped.inner;
      window = {
        ...unwrapped.window,
        end: kf.window.type === 'SESSION' ? unwrapped.window.end : unwrapped.window.start + kf.window.sizeMs,
      };
    }
    let decoded: ReturnType<KsqlEngine['decode']>[number] | undefined;
    const viaEngine = (): ReturnType<KsqlEngine['decode']>[number] => {
      decoded ??= this.engine.decode(sink.name, [r])[0];
      if (!decoded) throw new Error(`engine.decode returned no record for ${sink.name}`);
      return decoded;
    };
    const key = ((): Actual => {
      if (keyBytes === null || kf.info.format === 'NONE') return null;
      if (kf.info.format === 'JSON') return jsonActual(keyBytes);
      if (kf.info.format === 'DELIMITED') return text(keyBytes);
      if (kf.info.format === 'AVRO') return decodeAvro(keyBytes, this.engine.registry);
      if (kf.info.format === 'PROTOBUF') return decodeProtobuf(keyBytes, this.engine.registry);
      if (kf.info.format === 'JSON_SR') return decodeJsonSr(keyBytes);
      const kafka = kf.info.format === 'KAFKA' ? kafkaActual(keyBytes, sink.schema.key) : undefined;
      if (kafka !== undefined) return kafka;
      const cols = viaEngine().keyColumns;
      const wrapped = cols.length !== 1 || kf.features.includes('WRAP_SINGLES');
      return rowActual(viaEngine().key, cols, wrapped);
    })();
    const vf = sink.valueFormat;
    const value = ((): Actual => {
      if (r.value === null) return null;
      if (vf.info.format === 'JSON') return jsonActual(r.value);
      if (vf.info.format === 'DELIMITED') return text(r.value);
      if (vf.info.format === 'AVRO') return decodeAvro(r.value, this.engine.registry);
      if (vf.info.format === 'PROTOBUF') return decodeProtobuf(r.value, this.engine.registry);
      if (vf.info.format === 'JSON_SR') return decodeJsonSr(r.value);
      const kafka = vf.info.format === 'KAFKA' ? kafkaActual(r.value, valueColumns(sink)) : undefined;
      if (kafka !== undefined) return kafka;
      const d = viaEngine();
      if (d.value === null) return null;
      const cols = d.valueColumns.filter((c) => c.namespace === 'VALUE');
      const wrapped =
        vf.info.format !== 'KAFKA' && (cols.length !== 1 || !vf.features.includes('UNWRAP_SINGLES'));
      return rowActual(d.value, cols, wrapped);
    })();
    return { ...base, key, value, ...(window ? { window } : {}), windowed: kf.window !== undefined };
  }
}

export interface ActualRecord {
  readonly key: Actual;
  readonly value: Actual;
  readonly timestamp: number;
  readonly offset: number;
  readonly partition: number;
  readonly window?: QttWindow;
  readonly windowed?: boolean;
  /** Header values as base64, as QTT writes them. */
  readonly headers: readonly { readonly key: string; readonly value: string | null }[];
}

/**
 * KAFKA format as KafkaSerdeSupplier reads it, by the single column's type (Kafka's Integer,
 * Long, Double, String and Bytes deserializers); undefined for types it leaves to the engine.
 */
export function kafkaActual(bytes: Uint8Array, columns: readonly Column[]): Actual | undefined {
  const type = columns.length === 1 ? columns[0]!.type.kind : undefined;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sized = (n: number): void => {
    if (b.length !== n) throw new Error(`KAFKA ${type} needs ${n} bytes, got ${b.length}`);
  };
  switch (type) {
    case 'INT':
      sized(4);
      return BigInt(b.readInt32BE(0));
    case 'BIGINT':
      sized(8);
      return b.readBigInt64BE(0);
    case 'DOUBLE':
      sized(8);
      return b.readDoubleBE(0);
    case 'STRING':
      return b.toString('utf8');
    case 'BYTES':
      return b.toString('base64');
    default:
      return undefined;
  }
}

function valueColumns(source: SourceInfo): Column[] {
  return source.schema.value.filter((c) => c.namespace === 'VALUE');
}

/** JSON form → values in column order: a bare value for a single unwrapped column, else an object by name. */
function row(spec: JsonValue, columns: readonly Column[], wrapped: boolean): unknown[] {
  if (!wrapped) return [toTyped(spec, columns[0]!.type)];
  if (!isJsonObject(spec)) return columns.map(() => null);
  return columns.map((c) => toTyped(field(spec, c.name), c.type));
}

function rowActual(values: readonly unknown[], columns: readonly Column[], wrapped: boolean): Actual {
  if (!wrapped) return toActual(values[0], columns[0]?.type);
  return new Map(columns.map((c, i) => [c.name, toActual(values[i], c.type)]));
}

function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

function text(b: Uint8Array): string {
  return Buffer.from(b).toString('utf8');
}

/** The bytes of a JSON-form field written as-is: strings as their text, anything else as JSON. */
function rawBytes(v: JsonValue): Uint8Array {
  return utf8(typeof v === 'string' ? v : stringifyJson(v));
}

/** A topic read without a source: JSON if it parses, else the text. */
function rawActual(b: Uint8Array | null): Actual {
  if (b === null) return null;
  try {
    return jsonActual(b);
  } catch {
    return text(b);
  }
}

/** ValueSpecJsonSerdeSupplier: integers as Integer/Long, floats as BigDecimal, objects as maps. */
export function jsonActual(b: Uint8Array): Actual {
  return fromJson(parseJson(text(b)));
}

function fromJson(v: JsonValue): Actual {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (isLosslessNumber(v)) return isIntegralLexeme(v) ? BigInt(v.value) : javaBigDecimal(v.value);
  if (Array.isArray(v)) return v.map(fromJson);
  return new Map(Object.entries(v).map(([k, e]) => [k, fromJson(e)]));
}

/** Kafka Streams window suffix: time windows append the start; sessions append end then start (e.5). */
export function wrapWindow(inner: Uint8Array | null, w: QttWindow): Uint8Array {
  const base = inner ?? new Uint8Array(0);
  const extra = w.type === 'session' ? 16 : 8;
  const out = new Uint8Array(base.length + extra);
  out.set(base, 0);
  const view = new DataView(out.buffer);
  if (w.type === 'session') {
    view.setBigInt64(base.length, BigInt(w.end));
    view.setBigInt64(base.length + 8, BigInt(w.start));
  } else {
    view.setBigInt64(base.length, BigInt(w.start));
  }
  return out;
}

export function unwrapWindow(
  bytes: Uint8Array,
  type: 'time' | 'session',
): { inner: Uint8Array | null; window: QttWindow } {
  const extra = type === 'session' ? 16 : 8;
  if (bytes.length < extra) throw new Error(`windowed key of ${bytes.length} bytes is shorter than ${extra}`);
  const n = bytes.length - extra;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inner = n === 0 ? null : bytes.subarray(0, n);
  if (type === 'session') {
    return {
      inner,
      window: { start: Number(view.getBigInt64(n + 8)), end: Number(view.getBigInt64(n)), type },
    };
  }
  const start = Number(view.getBigInt64(n));
  return { inner, window: { start, end: start, type } };
}
