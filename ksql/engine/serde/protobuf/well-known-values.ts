import { Decimal } from '../../types/decimal.ts';

/**
 * Values of the message types Connect's ProtobufData uses for logical types, as plain objects
 * for protobufjs (`fromObject` / `toObject` with `longs: String`).
 */
export const TIMESTAMP_TYPE = 'google.protobuf.Timestamp';
export const DATE_TYPE = 'google.type.Date';
export const TIME_TYPE = 'google.type.TimeOfDay';
export const DECIMAL_TYPE = 'confluent.type.Decimal';

const MS_PER_DAY = 86_400_000;

/** Timestamps.fromMillis: seconds rounded down, non-negative nanos. */
export function millisToTimestamp(ms: number): { seconds: string; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

/** Timestamps.toMillis: seconds × 1000 + nanos / 10^6 rounded down. */
export function timestampToMillis(o: { seconds?: unknown; nanos?: unknown }): number {
  return Number(o.seconds ?? 0) * 1000 + Math.floor(Number(o.nanos ?? 0) / 1_000_000);
}

export function daysToDate(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateToDays(o: { year?: unknown; month?: unknown; day?: unknown }): number {
  const ms = Date.UTC(Number(o.year ?? 0), Number(o.month ?? 0) - 1, Number(o.day ?? 0));
  return Math.floor(ms / MS_PER_DAY);
}

export function millisToTimeOfDay(ms: number): {
  hours: number;
  minutes: number;
  seconds: number;
  nanos: number;
} {
  return {
    hours: Math.floor(ms / 3_600_000),
    minutes: Math.floor(ms / 60_000) % 60,
    seconds: Math.floor(ms / 1000) % 60,
    nanos: (ms % 1000) * 1_000_000,
  };
}

export function timeOfDayToMillis(o: {
  hours?: unknown;
  minutes?: unknown;
  seconds?: unknown;
  nanos?: unknown;
}): number {
  return (
    Number(o.hours ?? 0) * 3_600_000 +
    Number(o.minutes ?? 0) * 60_000 +
    Number(o.seconds ?? 0) * 1000 +
    Math.floor(Number(o.nanos ?? 0) / 1_000_000)
  );
}

/** DecimalUtils.fromBigDecimal: two's-complement unscaled bytes, BigDecimal precision and scale. */
export function decimalToMessage(d: Decimal): { value: Uint8Array; precision: number; scale: number } {
  return { value: twosComplement(d.unscaled), precision: d.precision(), scale: d.scale };
}

/** DecimalUtils.toBigDecimal: the unscaled bytes at the message's scale. */
export function messageToDecimal(o: { value?: unknown; scale?: unknown }): Decimal {
  const bytes =
    o.value instanceof Uint8Array ? o.value : new Uint8Array((o.value as number[] | undefined) ?? []);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const unscaled = bytes.length === 0 ? 0n : BigInt.asIntN(bytes.length * 8, n);
  return new Decimal(unscaled, Number(o.scale ?? 0));
}

/** Big-endian two's complement in the fewest bytes (BigInteger.toByteArray). */
function twosComplement(n: bigint): Uint8Array {
  let bytes = 1;
  while (n < -(1n << BigInt(bytes * 8 - 1)) || n >= 1n << BigInt(bytes * 8 - 1)) bytes++;
  const u = BigInt.asUintN(bytes * 8, n);
  return new Uint8Array(Buffer.from(u.toString(16).padStart(bytes * 2, '0'), 'hex'));
}
