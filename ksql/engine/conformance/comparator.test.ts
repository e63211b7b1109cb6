import { describe, expect, it } from 'vitest';
import { Decimal } from '../types/decimal.ts';
import { formatActual, type Actual } from './actual-value.ts';
import { javaBigDecimal } from './big-decimal.ts';
import { matches } from './comparator.ts';
import { parseJson } from './json.ts';

const m = (actual: Actual, expectedJson: string): boolean => matches(actual, parseJson(expectedJson));

describe('ExpectedRecordComparator', () => {
  it('compares decimals scale-sensitively against the expected lexeme', () => {
    expect(m(Decimal.parse('12.30'), '12.30')).toBe(true);
    expect(m(Decimal.parse('12.3'), '12.30')).toBe(false);
    expect(m(Decimal.parse('12.30'), '12.3')).toBe(false);
    // integer expected only matches scale 0
    expect(m(Decimal.parse('10'), '10')).toBe(true);
    expect(m(Decimal.parse('10.0'), '10')).toBe(false);
    // a string expected value matches a decimal written the same way
    expect(m(Decimal.parse('1.10'), '"1.10"')).toBe(true);
    expect(m(Decimal.parse('1.1'), '"1.10"')).toBe(false);
    expect(m(Decimal.parse('1.1'), '"abc"')).toBe(false);
    // exponents keep BigDecimal's (negative) scale: 1E3 ≠ 1.0E3, but both equal the integer 1000
    expect(m(javaBigDecimal('1.0E3'), '1.0E3')).toBe(true);
    expect(m(javaBigDecimal('1E3'), '1.0E3')).toBe(false);
    expect(m(javaBigDecimal('1E3'), '1000')).toBe(true);
    expect(m(javaBigDecimal('1000.0'), '1000')).toBe(false);
    expect(formatActual(javaBigDecimal('4.611686018427388E18'))).toBe('4.611686018427388E+18');
  });

  it('compares doubles within 1e-6 and never equal to strings', () => {
    expect(m(0.1 + 0.2, '0.3')).toBe(true);
    expect(m(1.5, '1.5000001')).toBe(true);
    expect(m(1.5, '1.5001')).toBe(false);
    expect(m(1, '1')).toBe(true);
    expect(m(1.5, '"1.5"')).toBe(false);
  });

  it('compares Integer/Long exactly, beyond 2^53', () => {
    expect(m(9223372036854775807n, '9223372036854775807')).toBe(true);
    expect(m(9223372036854775806n, '9223372036854775807')).toBe(false);
    expect(m(1n, '1')).toBe(true);
    expect(m(1n, '2')).toBe(false);
    expect(m(1n, '"1"')).toBe(false);
  });

  it('matches null only with null, booleans with booleans', () => {
    expect(m(null, 'null')).toBe(true);
    expect(m(0n, 'null')).toBe(false);
    expect(m(null, '0')).toBe(false);
    expect(m(true, 'true')).toBe(true);
    expect(m('true', 'true')).toBe(false);
  });

  it('compares structs by field count, exact then upper-cased names', () => {
    const row = new Map<string, Actual>([
      ['ID', 1n],
      ['name', 'x'],
    ]);
    expect(m(row, '{"id": 1, "name": "x"}')).toBe(true);
    expect(m(row, '{"ID": 1}')).toBe(false);
    expect(m(row, '{"ID": 1, "NAME": "x"}')).toBe(false);
    expect(m(row, '{"ID": 1, "name": "y"}')).toBe(false);
    expect(m('x', '{"A": 1}')).toBe(false);
  });

  it('compares arrays element-wise', () => {
    expect(m([1n, null, 'a'], '[1, null, "a"]')).toBe(true);
    expect(m([1n, 2n], '[1]')).toBe(false);
    expect(m([2n, 1n], '[1, 2]')).toBe(false);
  });
});
