import type { Identifier } from '../ast.ts';
import { isReserved } from '../keywords.ts';

/** An identifier as SQL: backticks (with `` ` `` doubled) when it was quoted. */
export function printIdentifier(id: Identifier): string {
  return id.quoted ? quoteName(id.name) : id.name;
}

/** A resolved name (upper-case unless quoted) that reparses to the same name. */
export function printName(name: string): string {
  return /^[A-Z_][A-Z0-9_@]*$/.test(name) && !isReserved(name) ? name : quoteName(name);
}

export function quoteName(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** A single-quoted string literal with `'` doubled. */
export function printString(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}
