import type { SqlType } from './sql-type.ts';

/** ksqlDB's SqlBaseType name of a type, as used in error messages (`INTEGER`, `DECIMAL`, `ARRAY`). */
export function baseTypeName(t: SqlType): string {
  return t.kind === 'INT' ? 'INTEGER' : t.kind;
}

export function isNumeric(t: SqlType): boolean {
  return t.kind === 'INT' || t.kind === 'BIGINT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
}

export function isTimeKind(t: SqlType): boolean {
  return t.kind === 'TIMESTAMP' || t.kind === 'DATE' || t.kind === 'TIME';
}
