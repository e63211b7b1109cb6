/**
 * ksqlDB's lenient boolean parsing (SqlBooleans.parseBoolean): case-insensitive, any
 * non-empty prefix of `true`/`yes` is true and of `false`/`no` is false (in.json
 * "boolean - valid" accepts 'TrUe', 'tr', 'Y'). Anything else → null.
 */
export function parseBooleanText(text: string): boolean | null {
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  if ('true'.startsWith(s) || 'yes'.startsWith(s)) return true;
  if ('false'.startsWith(s) || 'no'.startsWith(s)) return false;
  return null;
}
