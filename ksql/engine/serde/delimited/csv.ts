/**
 * The subset of Apache Commons CSV (CSVFormat.DEFAULT with a custom delimiter) ksqlDB's
 * DELIMITED format relies on: `"` quoting with `""` escapes, no trimming, one record per message.
 */

/** Splits one CSV record into fields; `null` for a field that was empty and unquoted. */
export function parseCsvRecord(text: string, delimiter: string): (string | null)[] {
  const fields: (string | null)[] = [];
  const n = text.length;
  let i = 0;
  while (true) {
    if (text[i] === '"') {
      let value = '';
      i++;
      while (true) {
        if (i >= n) throw new Error('EOF reached before encapsulated token finished');
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
      while (i < n && text[i] !== delimiter && !isLineBreak(text[i]!) && /\s/.test(text[i]!)) i++;
      if (i < n && text[i] !== delimiter && !isLineBreak(text[i]!)) {
        throw new Error(`Invalid char between encapsulated token and delimiter at position ${i}`);
      }
      fields.push(value);
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && !isLineBreak(text[j]!)) j++;
      fields.push(j === i ? null : text.slice(i, j));
      i = j;
    }
    // The parser reads only the first record: a line break ends it.
    if (i >= n || isLineBreak(text[i]!)) break;
    i += delimiter.length;
    if (i >= n) {
      fields.push(null);
      break;
    }
  }
  return fields;
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
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
