import type { TableElement } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseIdentifier } from './parse-identifier.ts';
import { parseType } from './parse-type.ts';

/** `tableElements`: `( name type [KEY | PRIMARY KEY | HEADERS | HEADER('k')], ... )`. */
export function parseTableElements(c: Cursor): TableElement[] {
  c.expectOp('(');
  const elements = [parseTableElement(c)];
  for (;;) {
    if (c.acceptOp(',')) elements.push(parseTableElement(c));
    else if (c.isOp(')')) break;
    // key-schemas.json "fail on VARCHAR(STRING) with parameter": "Expecting {',', ')'}".
    else throw c.expected(["','", "')'"]);
  }
  c.expectOp(')');
  return elements;
}

/** One `tableElement`; also used for the QTT post-condition schema strings. */
export function parseTableElement(c: Cursor): TableElement {
  const loc = c.loc();
  const name = parseIdentifier(c);
  const type = parseType(c);
  let constraint: TableElement['constraint'];
  if (c.acceptKeyword('PRIMARY')) {
    c.expectKeyword('KEY');
    constraint = 'PRIMARY KEY';
  } else if (c.acceptKeyword('KEY')) {
    constraint = 'KEY';
  } else if (c.acceptKeyword('HEADERS')) {
    constraint = 'HEADERS';
  } else if (c.acceptKeyword('HEADER')) {
    c.expectOp('(');
    const key = c.peek();
    if (key.kind !== 'string') throw c.expected(['STRING']);
    c.next();
    c.expectOp(')');
    constraint = { header: key.value };
  }
  return { name, type, constraint, loc };
}
