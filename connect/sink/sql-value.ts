import type { ValueField } from './connect-schema.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Converts one Connect field value to the parameter the Postgres dialect binds, as the JDBC
 * sink does: Timestamp → instant written in `db.timezone` (an ISO string with explicit
 * offset, so a timestamptz column stores the same instant whatever the zone), Date → ISO
 * date, Time → ISO time, Decimal → exact numeric string, int64 → number (avsc refuses longs
 * beyond 2^53 when decoding), bytes → Buffer.
 */
export function toSqlValue(field: ValueField, value: unknown, zone: ZoneFormatter): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'timestamp':
      return zone.format(value as number);
    case 'date':
      return new Date((value as number) * MS_PER_DAY).toISOString().slice(0, 10);
    case 'time':
      return new Date(value as number).toISOString().slice(11, 23);
    case 'decimal':
      return decimalString(value as Buffer, field.scale);
    case 'float32':
    case 'float64':
      return Number.isFinite(value) ? value : String(value); // 'NaN', 'Infinity', '-Infinity'
    default:
      return value;
  }
}

/** Big-endian two's-complement unscaled integer + scale → decimal string. */
export function decimalString(bytes: Uint8Array, scale: number): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  if (bytes.length > 0 && (bytes[0] ?? 0) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** Formats epoch milliseconds as an ISO timestamp with the offset of one IANA time zone. */
export class ZoneFormatter {
  private readonly utc: boolean;
  private readonly offsetOf: Intl.DateTimeFormat;

  constructor(readonly zone: string) {
    this.utc = zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT';
    this.offsetOf = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  }

  /** Window bounds repeat across many rows: formatted strings are cached (bounded). */
  private readonly cache = new Map<number, string>();

  format(ms: number): string {
    const hit = this.cache.get(ms);
    if (hit !== undefined) return hit;
    const text = this.formatUncached(ms);
    if (this.cache.size >= 4096) this.cache.clear();
    this.cache.set(ms, text);
    return text;
  }

  private formatUncached(ms: number): string {
    if (this.utc) return new Date(ms).toISOString();
    const name = this.offsetOf.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const offset = name === 'GMT' ? '+00:00' : name.slice(3);
    const sign = offset.startsWith('-') ? -1 : 1;
    const [h, m] = offset.slice(1).split(':').map(Number);
    const shifted = new Date(ms + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
    return `${shifted.toISOString().slice(0, 23)}${offset}`;
  }
}
