import { compilePattern } from './pattern.ts';
import { DAYS, MONTHS } from './pattern.ts';
import { formatOffset, zoneName, zoneOffsetMs } from './time-zone.ts';

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/**
 * Formats the instant `utcMs` in `zone` with a Java pattern (timestamp-to-string.json:
 * 'yyyy-MM-dd HH:mm:ss zzz' in America/Los_Angeles → '2018-05-11 14:58:33 PDT').
 */
export function formatDateTime(utcMs: number, pattern: string, zone: string): string {
  const tokens = compilePattern(pattern);
  const offset = zoneOffsetMs(zone, utcMs);
  const d = new Date(utcMs + offset);
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y':
      case 'u': {
        const y = d.getUTCFullYear();
        out += n === 2 ? pad(((y % 100) + 100) % 100, 2) : pad(y, n);
        break;
      }
      case 'M':
      case 'L': {
        const m = d.getUTCMonth();
        out += n >= 4 ? MONTHS[m] : n === 3 ? (MONTHS[m] ?? '').slice(0, 3) : pad(m + 1, n);
        break;
      }
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'D': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        out += pad(Math.floor((d.getTime() - start) / 86_400_000) + 1, n);
        break;
      }
      case 'H':
        out += pad(d.getUTCHours(), n);
        break;
      case 'k':
        out += pad(d.getUTCHours() || 24, n);
        break;
      case 'h':
        out += pad(d.getUTCHours() % 12 || 12, n);
        break;
      case 'K':
        out += pad(d.getUTCHours() % 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), 3).padEnd(9, '0').slice(0, n);
        break;
      case 'n':
        out += pad(d.getUTCMilliseconds() * 1_000_000, n);
        break;
      case 'a':
        out += d.getUTCHours() < 12 ? 'AM' : 'PM';
        break;
      case 'E': {
        const day = DAYS[d.getUTCDay()] ?? '';
        out += n >= 4 ? day : day.slice(0, 3);
        break;
      }
      case 'G':
        out += d.getUTCFullYear() > 0 ? 'AD' : 'BC';
        break;
      case 'z':
        out += zoneName(zone, utcMs, n >= 4);
        break;
      case 'V':
        out += zone;
        break;
      case 'Z':
        out +=
          n === 4
            ? `GMT${formatOffset(offset, true, ':')}`
            : n === 5
              ? formatOffset(offset, true, ':')
              : formatOffset(offset, true, '');
        break;
      case 'X':
      case 'x': {
        if (t.letter === 'X' && offset === 0) {
          out += 'Z';
          break;
        }
        const mins = Math.abs(offset) % 3_600_000 !== 0;
        out +=
          n === 1
            ? formatOffset(offset, mins, '')
            : n === 2 || n === 4
              ? formatOffset(offset, true, '')
              : formatOffset(offset, true, ':');
        break;
      }
      default:
        break;
    }
  }
  return out;
}
