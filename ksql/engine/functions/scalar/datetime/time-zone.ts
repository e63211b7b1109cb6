/**
 * Time-zone arithmetic over the runtime's IANA database (Intl): offsets of a zone at an instant,
 * wall-clock → instant, and the short names Java prints for pattern letter `z` (PDT, BST).
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();
const FIXED_RE = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Java ZoneId.SHORT_IDS-style abbreviations accepted when parsing `z`. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  UT: 'UTC',
  Z: 'UTC',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Bucharest',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  HST: 'Pacific/Honolulu',
};

function fixedOffset(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const m = FIXED_RE.exec(zone);
  if (!m) return undefined;
  const ms = Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * 60_000;
  return m[1] === '-' ? -ms : ms;
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/** A zone id usable with the functions below (IANA name, UTC, fixed offset), or undefined. */
export function resolveZoneId(text: string, allowAbbreviations = false): string | undefined {
  const t = text.trim();
  if (fixedOffset(t) !== undefined) return t;
  if (/^(UTC|GMT|UT|Z)$/i.test(t)) return 'UTC';
  if (allowAbbreviations) {
    const a = ABBREVIATIONS[t.toUpperCase()];
    if (a) return a;
  }
  try {
    partsFormatter(t);
    return t;
  } catch {
    return undefined;
  }
}

/** Offset of `zone` from UTC at the instant `utcMs`, in ms. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  if (zone === 'UTC') return 0;
  // Offsets change only at transitions, which fall on quarter hours: cache per 15-minute bucket.
  const bucket = Math.floor(utcMs / 900_000);
  const key = `${zone}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const off = computeOffset(zone, bucket * 900_000);
  if (offsetCache.size > 20_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

const offsetCache = new Map<string, number>();

function computeOffset(zone: string, utcMs: number): number {
  const secs = Math.floor(utcMs / 1000) * 1000;
  const parts = partsFormatter(zone).formatToParts(new Date(secs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, get('month') - 1, get('day'));
  d.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return d.getTime() - secs;
}

/**
 * The instant at which `zone`'s wall clock shows `localMs` (wall time encoded as UTC ms), resolved
 * like Java's ZonedDateTime.of: in an overlap the earlier offset wins, in a gap the time moves
 * forward by the gap's length (02:30 on a spring-forward night is 03:30 daylight time).
 */
export function localToUtc(zone: string, localMs: number): number {
  const before = zoneOffsetMs(zone, localMs - 86_400_000);
  const after = zoneOffsetMs(zone, localMs + 86_400_000);
  if (before === after) {
    const o = zoneOffsetMs(zone, localMs - before);
    return localMs - (zoneOffsetMs(zone, localMs - o) === o ? o : before);
  }
  const valid = [before, after].filter((o) => zoneOffsetMs(zone, localMs - o) === o);
  if (valid.length === 0) return localMs - before;
  return localMs - Math.max(...valid);
}

const nameCache = new Map<string, Intl.DateTimeFormat>();

/** Java's short (`z`) or long (`zzzz`) zone name at an instant: PDT, BST, UTC. */
export function zoneName(zone: string, utcMs: number, long: boolean): string {
  if (zone === 'UTC') return long ? 'Coordinated Universal Time' : 'UTC';
  if (fixedOffset(zone) !== undefined) return formatOffset(zoneOffsetMs(zone, utcMs), true, ':');
  for (const locale of ['en-US', 'en-GB']) {
    const key = `${locale}|${zone}|${long}`;
    let f = nameCache.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: long ? 'long' : 'short' });
      nameCache.set(key, f);
    }
    const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return formatOffset(zoneOffsetMs(zone, utcMs), true, ':').replace(/^/, 'GMT');
}

/** `+0800` / `+08:00` / `+08`. */
export function formatOffset(offsetMs: number, withMinutes: boolean, sep: '' | ':'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs);
  const h = String(Math.floor(abs / 3_600_000)).padStart(2, '0');
  const m = String(Math.floor(abs / 60_000) % 60).padStart(2, '0');
  return withMinutes ? `${sign}${h}${sep}${m}` : `${sign}${h}`;
}
