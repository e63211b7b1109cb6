import { describe, expect, it } from 'vitest';
import { timestampParser } from './timestamp-format.ts';

describe('TIMESTAMP_FORMAT parsing (timestamp-extractor.json)', () => {
  it('parses Java patterns with an offset', () => {
    expect(timestampParser('yy-MM-dd HH:mm:ssX')('10-04-19 12:00:17Z')).toBe(1271678417000);
    expect(timestampParser("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")('2010-04-19T21:00:17.250+09:00')).toBe(
      1271678417250,
    );
  });
  it('reads text without an offset in the given zone offset', () => {
    expect(timestampParser('yyyy-MM-dd HH:mm:ss', 9 * 3600_000)('2010-04-19 21:00:17')).toBe(1271678417000);
  });
  it('returns null for text that does not match', () => {
    expect(timestampParser('yy-MM-dd HH:mm:ssX')('!!!!!!!!!!!!!!!!!')).toBeNull();
  });
});
