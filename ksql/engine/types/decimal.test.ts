import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';

describe('Decimal', () => {
  it.each([
    ['12.30', 1230n, 2, '12.30'],
    ['-0.05', -5n, 2, '-0.05'],
    ['5', 5n, 0, '5'],
    ['1E+3', 1000n, 0, '1000'],
    ['1.5e1', 15n, 0, '15'],
    ['.5', 5n, 1, '0.5'],
  ])('parses %s keeping the written scale', (text, unscaled, scale, printed) => {
    const d = Decimal.parse(text);
    expect(d.unscaled).toBe(unscaled);
    expect(d.scale).toBe(scale);
    expect(d.toString()).toBe(printed);
  });

  it('compares scale-sensitively like BigDecimal.equals', () => {
    expect(Decimal.parse('12.30').equals(Decimal.parse('12.3'))).toBe(false);
    expect(Decimal.parse('12.30').equals(Decimal.parse('12.30'))).toBe(true);
  });

  it('rejects text that is not a number', () => {
    expect(() => Decimal.parse('abc')).toThrow(RangeError);
  });
});
