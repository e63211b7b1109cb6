import { describe, expect, it } from 'vitest';
import { parseBooleanText } from './boolean-text.ts';
import { javaDoubleToString } from './java-double-to-string.ts';
import { parseDoubleText, parseIntText, parseLongText } from './parse-number-text.ts';
import { formatTimestampIso, parseDateIso, parseTimeIso, parseTimestampIso } from './time-text.ts';

describe('Java text forms', () => {
  it.each([
    [1, '1.0'],
    [10.3, '10.3'],
    [-0, '-0.0'],
    [1e7, '1.0E7'],
    [9999999.5, '9999999.5'],
    [1e-3, '0.001'],
    [1.5e-5, '1.5E-5'],
    [4.9e-324, '4.9E-324'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('Double.toString(%d) = %s', (d, s) => {
    expect(javaDoubleToString(d)).toBe(s);
  });

  it('parses numbers like Integer.parseInt / Long.parseLong / Double.parseDouble', () => {
    expect([parseIntText(' 12 '), parseIntText('2147483648'), parseIntText('1.5')]).toEqual([12, null, null]);
    expect([parseLongText('9223372036854775807'), parseLongText('9223372036854775808')]).toEqual([
      9223372036854775807n,
      null,
    ]);
    expect([
      parseDoubleText('1e3'),
      parseDoubleText('2.5d'),
      parseDoubleText('-Infinity'),
      parseDoubleText('x'),
    ]).toEqual([1000, 2.5, -Infinity, null]);
  });

  it('parses booleans leniently', () => {
    expect(['TrUe', 'tr', 'Y', 'no', 'f', 'maybe', ''].map(parseBooleanText)).toEqual([
      true,
      true,
      true,
      false,
      false,
      null,
      null,
    ]);
  });

  it('timestamps, dates and times as ISO text in UTC', () => {
    expect(formatTimestampIso(1651182287943)).toBe('2022-04-28T21:44:47.943');
    expect(parseTimestampIso('2018')).toBe(Date.UTC(2018, 0, 1));
    expect(parseTimestampIso('2019-01-01T00:00:00+0445')).toBe(Date.UTC(2018, 11, 31, 19, 15));
    expect(parseTimestampIso('2020-02-10T08:31:44.001+00:00')).toBe(1581323504001);
    expect(parseTimestampIso('not a timestamp')).toBeNull();
    expect(parseDateIso('2003-12-24')).toBe(12410);
    expect(parseTimeIso('10:11:12.5')).toBe(36672500);
  });
});
