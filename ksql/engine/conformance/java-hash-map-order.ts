/**
 * The order in which a `java.util.HashMap<String, V>` filled with `keys` (in this order, first
 * insertion wins) iterates them: by bucket (`(h ^ h >>> 16) & (capacity - 1)` of
 * `String.hashCode`), then by insertion within a bucket. QTT's TestExecutor collects a case's
 * topics in such a map and registers their schemas in its iteration order, which decides the
 * schema ids a case's `*_SCHEMA_ID` properties refer to (elements.json "... schema id in csas").
 * Buckets of 8 or more colliding keys, which Java turns into trees, are not modelled.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (k: string) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

/** Java's `String.hashCode` (UTF-16 code units, 32-bit wrap-around). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
