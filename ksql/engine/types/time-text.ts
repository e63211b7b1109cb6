/**
 * Text forms of TIMESTAMP / DATE / TIME used by CAST and by comparisons with strings
 * (ksqlDB SqlTimeTypes): timestamps print as `yyyy-MM-ddTHH:mm:ss.SSS` in UTC (timestamp.json
 * "casting - timestamp to string"); strings parse leniently as ISO-8601 with missing trailing
 * parts filled in and an optional zone, UTC by default (magic-timestamp-conversion.json
 * "partial STRING ROWTIME", cast.json "string to timestamp").
 */

export const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** Epoch ms of a UTC wall-clock time (years below 100 are taken literally). */
export function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

export function formatTimestampIso(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

export function formatDateIso(days: number): string {
  const d = new Date(days * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** ISO_LOCAL_TIME: `HH:mm:ss`, with `.SSS` when there are milliseconds. */
export function formatTimeIso(msOfDay: number): string {
  const h = Math.floor(msOfDay / 3_600_000);
  const mi = Math.floor(msOfDay / 60_000) % 60;
  const s = Math.floor(msOfDay / 1000) % 60;
  const ms = msOfDay % 1000;
  return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms ? `.${pad(ms, 3)}` : ''}`;
}

const TS_RE =
  /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * 3_600_000 + m * 60_000);
}

/** Parses a (possibly partial) ISO-8601 timestamp to epoch ms; null when it is not one. */
export function parseTimestampIso(text: string): number | null {
  const m = TS_RE.exec(text.trim());
  if (!m) return null;
  const frac = (m[7] ?? '').padEnd(3, '0').slice(0, 3);
  const local = utcMillis(
    Number(m[1]),
    Number(m[2] ?? 1),
    Number(m[3] ?? 1),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number(frac),
  );
  return local - zoneOffsetMs(m[8]);
}

/** Parses `yyyy-MM-dd` to days since the epoch; null when it is not a date. */
export function parseDateIso(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return Math.floor(utcMillis(Number(m[1]), mo, d) / MS_PER_DAY);
}

/** Parses `HH:mm[:ss[.SSS]]` to ms of day; null when it is not a time. */
export function parseTimeIso(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return h * 3_600_000 + mi * 60_000 + s * 1000 + Number((m[4] ?? '').padEnd(3, '0').slice(0, 3));
}
