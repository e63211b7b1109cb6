/**
 * Rewrites text-format lists inside option values (`params: [ {...}, {...} ]`, as the registry
 * prints Confluent's `field_meta`) into repeated entries (`params: {...} params: {...}`), the
 * form protobufjs's parser reads. Strings and comments are left untouched.
 */
export function normalizeOptionLists(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? lineEnd(text, i) : blockEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '[' && /:\s*$/.test(out)) {
      const key = /([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*$/.exec(out);
      const close = matching(text, i);
      if (!key || close < 0) {
        out += c;
        i++;
        continue;
      }
      const items = splitTopLevel(text.slice(i + 1, close)).map((s) => normalizeOptionLists(s.trim()));
      out = out.slice(0, key.index);
      out += items
        .filter((s) => s !== '')
        .map((s) => `${key[1]}: ${s}`)
        .join(' ');
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

function lineEnd(text: string, start: number): number {
  const n = text.indexOf('\n', start);
  return n < 0 ? text.length : n;
}

function blockEnd(text: string, start: number): number {
  const n = text.indexOf('*/', start + 2);
  return n < 0 ? text.length : n + 2;
}

/** Index of the `]` closing the `[` at `open`, or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = stringEnd(text, i) - 1;
    } else if (c === '[' || c === '{') {
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ']' ? i : -1;
    }
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === "'") i = stringEnd(body, i) - 1;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
