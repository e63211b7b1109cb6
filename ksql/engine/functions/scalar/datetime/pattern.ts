/**
 * Java DateTimeFormatter / SimpleDateFormat patterns as ksqlDB's time functions use them:
 * letters y u M L d D H h k K m s S n a E z Z X x V and 'quoted literals' ('' is a quote).
 * Other letters are rejected like Java does ("Unknown pattern letter").
 */

export type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number };

const SUPPORTED = new Set('yuMLdDHhkKmsSnaEzZXxVG'.split(''));
const cache = new Map<string, readonly Token[]>();

export class PatternError extends Error {}

export function compilePattern(pattern: string): readonly Token[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const tokens: Token[] = [];
  let i = 0;
  const pushLiteral = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') tokens[tokens.length - 1] = { kind: 'literal', text: last.text + text };
    else tokens.push({ kind: 'literal', text });
  };
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        pushLiteral("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length)
          throw new PatternError(`Pattern ends with an incomplete string literal: ${pattern}`);
        const d = pattern.charAt(j);
        if (d === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += d;
        j++;
      }
      pushLiteral(text);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!SUPPORTED.has(c)) throw new PatternError(`Unknown pattern letter: ${c}`);
      let j = i;
      while (pattern.charAt(j) === c) j++;
      tokens.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      pushLiteral(c);
      i++;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, tokens);
  return tokens;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
