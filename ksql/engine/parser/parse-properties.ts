import type { Property } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { parseLiteral } from './parse-literal.ts';
import { parseList } from './parse-primary.ts';

/**
 * `tableProperties`: `( name = literal, ... )`; a name is an identifier or a string, upper-cased
 * either way (ksqlDB property names are case-insensitive).
 */
export function parseProperties(c: Cursor): Property[] {
  c.expectOp('(');
  const properties = parseList(c, (): Property => {
    const loc = c.loc();
    const t = c.peek();
    let name: string;
    if (t.kind === 'string') {
      c.next();
      name = t.value.toUpperCase();
    } else {
      name = parseIdentifier(c).name.toUpperCase();
    }
    c.expectOp('=');
    return { name, value: parseLiteral(c), loc };
  });
  c.expectOp(')');
  return properties;
}

/** `[WITH tableProperties]` */
export function parseOptionalWith(c: Cursor): Property[] {
  return c.acceptKeyword('WITH') ? parseProperties(c) : [];
}
