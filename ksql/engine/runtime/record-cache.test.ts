import { describe, expect, it } from 'vitest';
import { RecordCache } from './record-cache.ts';

interface Row {
  key: string;
  value: number;
  cached?: boolean;
}

describe('RecordCache (production mode, reference e.3)', () => {
  it('forwards every update when off (test mode)', () => {
    const out: string[] = [];
    const cache = new RecordCache<Row>(
      (r) => out.push(`${r.key}=${r.value}`),
      0,
      2000,
      () => 0,
    );
    const a = { key: 'a', value: 1 };
    cache.put(a);
    a.value = 2;
    cache.put(a);
    expect(out).toEqual(['a=1', 'a=2']);
  });

  it('coalesces updates of a row until the commit interval has elapsed', () => {
    let now = 0;
    const out: string[] = [];
    const cache = new RecordCache<Row>(
      (r) => out.push(`${r.key}=${r.value}`),
      100,
      2000,
      () => now,
    );
    const a = { key: 'a', value: 1 };
    const b = { key: 'b', value: 1 };
    cache.put(a);
    cache.put(b);
    a.value = 5;
    cache.put(a);
    cache.tick();
    expect(out).toEqual([]);
    now = 2000;
    cache.tick();
    expect(out).toEqual(['a=5', 'b=1']);
    expect(cache.size).toBe(0);
  });

  it('forwards everything when over budget', () => {
    const out: string[] = [];
    const cache = new RecordCache<Row>(
      (r) => out.push(r.key),
      2,
      2000,
      () => 0,
    );
    cache.put({ key: 'a', value: 1 });
    cache.put({ key: 'b', value: 1 });
    expect(out).toEqual([]);
    cache.put({ key: 'c', value: 1 });
    expect(out).toEqual(['a', 'b', 'c']);
  });
});
