/**
 * Java's number parsing as ksqlDB applies it to STRING values (CAST, IN-list literals):
 * Integer.parseInt / Long.parseLong / Double.parseDouble / new BigDecimal on the trimmed text.
 * Unparseable or out-of-range text → null.
 */
import { Decimal } from './decimal.ts';
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN } from './java-int.ts';

const INT_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)$/;

export function parseIntText(text: string): number | null {
  const s = text.trim();
  if (!INT_RE.test(s)) return null;
  const n = Number(s);
  return n >= INT_MIN && n <= INT_MAX ? n : null;
}

export function parseLongText(text: string): bigint | null {
  const s = text.trim();
  if (!INT_RE.test(s)) return null;
  const n = BigInt(s);
  return n >= LONG_MIN && n <= LONG_MAX ? n : null;
}

export function parseDoubleText(text: string): number | null {
  const s = text.trim();
  const m = DOUBLE_RE.exec(s);
  if (!m) return null;
  if (m[1] === 'NaN') return NaN;
  if (m[1] === 'Infinity') return s.startsWith('-') ? -Infinity : Infinity;
  return Number(s.replace(/[fFdD]$/, ''));
}

export function parseDecimalText(text: string): Decimal | null {
  try {
    return Decimal.parse(text.trim());
  } catch {
    return null;
  }
}
