/**
 * Parses string timestamps with a Java `DateTimeFormatter` pattern, the subset the TIMESTAMP
 * extractor needs (reference e.10): y, M, d, H, h, a, m, s, S, X/x/Z offsets, quoted literals.
 * Returns null when the text does not match (the record is then skipped as invalid).
 * Text without an offset is read in `zone` (only UTC and fixed offsets are supported).
 */
export function timestampParser(pattern: string, zoneOffsetMs = 0): (text: string) => number | null {
  const tokens = tokenize(pattern);
  let re = '^';
  const fields: string[] = [];
  for (const t of tokens) {
    if (t.literal !== undefined) {
      re += escapeRe(t.literal);
      continue;
    }
    const c = t.letter;
    const n = t.count;
    if (c === 'y' || c === 'u') {
      re += n === 2 ? '(\\d{2})' : '(\\d{4,9})';
      fields.push(n === 2 ? 'yy' : 'y');
    } else if (c === 'M' || c === 'd' || c === 'H' || c === 'h' || c === 'm' || c === 's') {
      re += n === 1 ? '(\\d{1,2})' : `(\\d{${n}})`;
      fields.push(c);
    } else if (c === 'S') {
      re += `(\\d{${n}})`;
      fields.push('S');
    } else if (c === 'a') {
      re += '(AM|PM|am|pm)';
      fields.push('a');
    } else if (c === 'X' || c === 'x' || c === 'Z') {
      re += c === 'X' ? '(Z|[+-]\\d{2}(?::?\\d{2})?)' : '([+-]\\d{2}(?::?\\d{2})?)';
      fields.push('X');
    } else {
      re += escapeRe(c.repeat(n));
    }
  }
  const regex = new RegExp(re + '$');
  return (text) => {
    const m = regex.exec(text);
    if (!m) return null;
    let y = 1970;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    let ms = 0;
    let pm: boolean | undefined;
    let offset: number | undefined;
    fields.forEach((f, i) => {
      const v = m[i + 1] ?? '';
      switch (f) {
        case 'yy':
          y = 2000 + Number(v);
          break;
        case 'y':
          y = Number(v);
          break;
        case 'M':
          mo = Number(v);
          break;
        case 'd':
          d = Number(v);
          break;
        case 'H':
        case 'h':
          h = Number(v);
          break;
        case 'm':
          mi = Number(v);
          break;
        case 's':
          s = Number(v);
          break;
        case 'S':
          ms = Math.round(Number(`0.${v}`) * 1000);
          break;
        case 'a':
          pm = v.toUpperCase() === 'PM';
          break;
        case 'X':
          offset = v === 'Z' ? 0 : parseOffset(v);
          break;
      }
    });
    if (pm !== undefined) h = (h % 12) + (pm ? 12 : 0);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    return utc - (offset ?? zoneOffsetMs);
  };
}

function parseOffset(v: string): number {
  const sign = v.startsWith('-') ? -1 : 1;
  const digits = v.slice(1).replace(':', '');
  const hh = Number(digits.slice(0, 2));
  const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hh * 60 + mm) * 60_000;
}

interface Token {
  readonly letter: string;
  readonly count: number;
  readonly literal?: string;
}

function tokenize(p: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i] ?? '';
    if (c === "'") {
      const end = p.indexOf("'", i + 1);
      if (end === i + 1) {
        out.push({ letter: '', count: 0, literal: "'" });
        i += 2;
        continue;
      }
      const stop = end < 0 ? p.length : end;
      out.push({ letter: '', count: 0, literal: p.slice(i + 1, stop).replace(/''/g, "'") });
      i = stop + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (p[i + n] === c) n++;
      out.push({ letter: c, count: n });
      i += n;
      continue;
    }
    out.push({ letter: '', count: 0, literal: c });
    i++;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
