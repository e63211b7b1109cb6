import { DAYS, MONTHS, compilePattern } from './pattern.ts';
import type { Token } from './pattern.ts';
import { localToUtc, resolveZoneId } from './time-zone.ts';

export class DateTimeParseError extends Error {}

const NUMERIC = new Set('yuMLdDHhkKmsSn'.split(''));

/**
 * Parses `text` with a Java pattern into epoch ms, case-insensitively like ksqlDB's
 * StringToTimestampParser; fields absent from the pattern default to 1970-01-01T00:00:00.000;
 * a zone or offset in the text wins over `zone` (stringtimestamp.json: 'PST' is
 * America/Los_Angeles, so daylight time applies in May). `allowTrailing` ignores text after the
 * pattern, as PARSE_DATE does (null.json: '2003-12-24-01-01' with 'yyyy-MM-dd' is 2003-12-24).
 */
export function parseDateTime(text: string, pattern: string, zone: string, allowTrailing = false): number {
  const tokens = compilePattern(pattern);
  let pos = 0;
  let year = 1970;
  let month = 1;
  let day = 1;
  let dayOfYear: number | undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let pm: boolean | undefined;
  let hour12: number | undefined;
  let offsetMs: number | undefined;
  let parsedZone: string | undefined;

  const fail = (): never => {
    throw new DateTimeParseError(`Text '${text}' could not be parsed at index ${pos}`);
  };

  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as Token;
    if (t.kind === 'literal') {
      const got = text.slice(pos, pos + t.text.length);
      if (got.toLowerCase() !== t.text.toLowerCase()) fail();
      pos += t.text.length;
      continue;
    }
    const next = tokens[ti + 1];
    const adjacentNumber = next?.kind === 'field' && NUMERIC.has(next.letter);
    if (NUMERIC.has(t.letter) && !(t.letter === 'M' && t.count >= 3) && !(t.letter === 'L' && t.count >= 3)) {
      const max = adjacentNumber ? Math.max(t.count, t.letter === 'y' && t.count === 2 ? 2 : t.count) : 19;
      let j = pos;
      if ((t.letter === 'y' || t.letter === 'u') && (text.charAt(j) === '-' || text.charAt(j) === '+')) j++;
      while (j < text.length && j - pos < max && /[0-9]/.test(text.charAt(j))) j++;
      const digits = text.slice(pos, j);
      if (!/[0-9]/.test(digits)) fail();
      const v = Number(digits);
      switch (t.letter) {
        case 'y':
        case 'u':
          year = t.count === 2 && digits.length === 2 ? 2000 + v : v;
          break;
        case 'M':
        case 'L':
          month = v;
          break;
        case 'd':
          day = v;
          break;
        case 'D':
          dayOfYear = v;
          break;
        case 'H':
          hour = v;
          break;
        case 'k':
          hour = v % 24;
          break;
        case 'h':
        case 'K':
          hour12 = v % 12;
          break;
        case 'm':
          minute = v;
          break;
        case 's':
          second = v;
          break;
        case 'S':
          millis = Math.round(Number(`0.${digits}`) * 1000);
          break;
        case 'n':
          millis = Math.floor(v / 1_000_000);
          break;
      }
      pos = j;
      continue;
    }
    switch (t.letter) {
      case 'M':
      case 'L': {
        const rest = text.slice(pos).toLowerCase();
        const idx = MONTHS.findIndex((m) =>
          rest.startsWith((t.count >= 4 ? m : m.slice(0, 3)).toLowerCase()),
        );
        if (idx < 0) fail();
        month = idx + 1;
        pos += t.count >= 4 ? (MONTHS[idx] ?? '').length : 3;
        break;
      }
      case 'E': {
        const rest = text.slice(pos).toLowerCase();
        const name = DAYS.find((d) => rest.startsWith((t.count >= 4 ? d : d.slice(0, 3)).toLowerCase()));
        if (!name) fail();
        pos += t.count >= 4 ? (name ?? '').length : 3;
        break;
      }
      case 'a': {
        const s = text.slice(pos, pos + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') fail();
        pm = s === 'PM';
        pos += 2;
        break;
      }
      case 'G':
        pos += 2;
        break;
      case 'z':
      case 'V': {
        const m = /^[A-Za-z][A-Za-z0-9_/+-]*/.exec(text.slice(pos));
        const z = m && resolveZoneId(m[0], true);
        if (!m || !z) fail();
        parsedZone = z as string;
        pos += (m as RegExpExecArray)[0].length;
        break;
      }
      case 'X':
      case 'x':
      case 'Z': {
        const rest = text.slice(pos);
        if ((t.letter === 'X' || t.letter === 'Z') && /^z/i.test(rest)) {
          offsetMs = 0;
          pos += 1;
          break;
        }
        const m = /^(GMT)?([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/.exec(rest);
        if (!m) fail();
        const mm = m as RegExpExecArray;
        const ms = Number(mm[3]) * 3_600_000 + Number(mm[4] ?? 0) * 60_000 + Number(mm[5] ?? 0) * 1000;
        offsetMs = mm[2] === '-' ? -ms : ms;
        pos += mm[0].length;
        break;
      }
      default:
        fail();
    }
  }
  if (pos !== text.length && !allowTrailing) fail();
  if (hour12 !== undefined) hour = hour12 + (pm ? 12 : 0);
  else if (pm !== undefined && hour < 12 && pm) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) fail();
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, dayOfYear ?? day);
  if (dayOfYear === undefined && d.getUTCDate() !== day) fail();
  d.setUTCHours(hour, minute, second, millis);
  const local = d.getTime();
  if (offsetMs !== undefined) return local - offsetMs;
  return localToUtc(parsedZone ?? zone, local);
}
