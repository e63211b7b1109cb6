/**
 * The subset of Apache Commons CSV (CSVFormat.DEFAULT with a custom delimiter) ksqlDB's
 * DELIMITED format relies on: `"` quoting with `""` escapes, no trimming, one record per message.
 */

/** Splits one CSV record into fields; `null` for a field that was empty and unquoted. */
export function parseCsvRecord(text: string, delimiter: string): (string | null)[] {
  const fields: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  // A trailing line break ends the record (the parser reads only the first record).
  const end = text.endsWith('\r\n') ? n - 2 : text.endsWith('\n') || text.endsWith('\r') ? n - 1 : n;
  while (true) {
    if (text[i] === '"') {
      let value = '';
      i++;
      while (true) {
        if (i >= end) throw new Error('EOF reached before encapsulated token finished');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      // Commons CSV tolerates only whitespace between the closing quote and the delimiter.
      while (i < end && text[i] !== delimiter && /\s/.test(text[i]!)) i++;
      if (i < end && text[i] !== delimiter) {
        throw new Error(`Invalid char between encapsulated token and delimiter at position ${i}`);
      }
      fields.push(value);
    } else {
      let j = text.indexOf(delimiter, i);
      if (j < 0 || j > end) j = end;
      const raw = text.slice(i, j);
      fields.push(raw === '' ? null : raw);
      i = j;
    }
    if (i >= end) break;
    i += delimiter.length;
    if (i >= end) {
      fields.push(null);
      break;
    }
  }
  return fields;
}

/**
 * Prints one record with QuoteMode.MINIMAL as Commons CSV does: null fields are written bare
 * (empty); a value is quoted if it is the first of the record and starts with a character
 * other than a letter or digit, or starts with a character <= '#', or contains the delimiter,
 * a quote, CR or LF, or ends with a character <= ' ' (delimited.json "read written decimals":
 * `"-12345.1200000000000000"`; string.json: `" \t with white space \t"`).
 */
export function formatCsvRecord(fields: readonly (string | null)[], delimiter: string): string {
  let out = '';
  fields.forEach((f, idx) => {
    if (idx > 0) out += delimiter;
    if (f === null) return;
    out += needsQuotes(f, idx === 0, delimiter) ? `"${f.replace(/"/g, '""')}"` : f;
  });
  return out;
}

function needsQuotes(value: string, newRecord: boolean, delimiter: string): boolean {
  if (value.length === 0) return newRecord;
  const first = value.charCodeAt(0);
  if (newRecord && !isAsciiAlphaNumeric(first)) return true;
  if (first <= 0x23) return true;
  for (const c of value) {
    if (c === '\n' || c === '\r' || c === '"' || c === delimiter) return true;
  }
  return value.charCodeAt(value.length - 1) <= 0x20;
}

function isAsciiAlphaNumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
