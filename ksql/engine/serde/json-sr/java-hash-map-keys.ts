/**
 * The iteration order of a `java.util.HashMap<String, V>` filled with `keys` in this order
 * (default capacity 16, resized at 0.75 load): by bucket `(h ^ h >>> 16) & (capacity - 1)` of
 * `String.hashCode`, then by insertion within a bucket (buckets of 8 or more, which Java turns
 * into trees, are not modelled). JSON Schema object properties (everit's ObjectSchema keeps
 * them in a HashMap) reach Connect in this order when they carry no `connect.index`.
 */
export function javaHashMapKeys(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  return unique
    .map((k, i) => {
      const h = javaStringHash(k);
      return { k, i, b: (h ^ (h >>> 16)) & (capacity - 1) };
    })
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
