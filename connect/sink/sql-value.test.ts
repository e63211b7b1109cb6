import { describe, expect, it } from 'vitest';
import type { ValueField } from './connect-schema.ts';
import { decimalString, toSqlValue, ZoneFormatter } from './sql-value.ts';

const field = (type: ValueField['type'], scale = 0): ValueField => ({
  name: 'F',
  type,
  optional: true,
  scale,
});
const utc = new ZoneFormatter('UTC');

describe('toSqlValue', () => {
  // 2024-03-01 23:59:59.999 KST = 2024-03-01 14:59:59.999 UTC
  const kstMidnightMinus1ms = Date.UTC(2024, 2, 1, 14, 59, 59, 999);

  it('binds timestamp-millis as an instant in db.timezone, with its offset', () => {
    expect(toSqlValue(field('timestamp'), kstMidnightMinus1ms, utc)).toBe('2024-03-01T14:59:59.999Z');
    expect(toSqlValue(field('timestamp'), kstMidnightMinus1ms, new ZoneFormatter('Asia/Seoul'))).toBe(
      '2024-03-01T23:59:59.999+09:00',
    );
    expect(toSqlValue(field('timestamp'), 0, new ZoneFormatter('America/New_York'))).toBe(
      '1969-12-31T19:00:00.000-05:00',
    );
  });

  it('keeps nulls of optional fields', () => {
    expect(toSqlValue(field('timestamp'), null, utc)).toBeNull();
    expect(toSqlValue(field('string'), undefined, utc)).toBeNull();
  });

  it('binds dates, times, non-finite doubles and other primitives', () => {
    expect(toSqlValue(field('date'), 19783, utc)).toBe('2024-03-01');
    expect(toSqlValue(field('time'), 3_723_004, utc)).toBe('01:02:03.004');
    expect(toSqlValue(field('float64'), Number.NaN, utc)).toBe('NaN');
    expect(toSqlValue(field('float64'), -Infinity, utc)).toBe('-Infinity');
    expect(toSqlValue(field('int64'), 1_500_000, utc)).toBe(1_500_000);
  });

  it('binds Avro bytes decimals as exact numeric strings', () => {
    expect(decimalString(Buffer.from([0x30, 0x39]), 2)).toBe('123.45');
    expect(decimalString(Buffer.from([0xcf, 0xc7]), 2)).toBe('-123.45');
    expect(decimalString(Buffer.from([0x05]), 3)).toBe('0.005');
    expect(toSqlValue(field('decimal', 0), Buffer.from([0x07, 0xa1, 0x20]), utc)).toBe('500000');
  });
});
