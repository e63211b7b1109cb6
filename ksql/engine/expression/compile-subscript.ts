import { ExpressionTypeError } from './expression-errors.ts';
import type { Dereference, Subscript } from '../parser/ast.ts';
import { castConverter } from '../types/cast.ts';
import { formatSqlType } from '../types/sql-type.ts';
import type { Struct } from '../types/struct.ts';
import { valuesEqual } from '../types/values-equal.ts';
import type { Ctx } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/**
 * `arr[i]`: 1-based, negative indexes count from the end, out of range or 0 → NULL (ksqlDB
 * ArrayAccess). `map[k]`: the value for key k or NULL (null.json "log no errors when there is a
 * null map"). A NULL base or index gives NULL.
 */
export function compileSubscript(e: Subscript, ctx: Ctx): CompiledExpression {
  const base = ctx.compile(e.base);
  const index = ctx.compile(e.index);
  const be = base.evaluate;
  const ie = index.evaluate;
  const bt = base.type;
  if (bt?.kind === 'ARRAY') {
    if (index.type && index.type.kind !== 'INT' && index.type.kind !== 'BIGINT') {
      throw new ExpressionTypeError(
        `Array index must be INTEGER or BIGINT: ${ctx.format(e.index)} (${formatSqlType(index.type)})`,
      );
    }
    return {
      type: bt.element,
      evaluate: (row) => {
        const arr = be(row) as unknown[] | null;
        if (arr === null) return null;
        const iv = ie(row);
        if (iv === null) return null;
        const i = Number(iv);
        const pos = i > 0 ? i - 1 : arr.length + i;
        if (i === 0 || pos < 0 || pos >= arr.length) return null;
        return arr[pos] ?? null;
      },
    };
  }
  if (bt?.kind === 'MAP') {
    const keyType = bt.key;
    const conv = index.type ? castConverter(index.type, keyType) : undefined;
    if (index.type && !conv) {
      throw new ExpressionTypeError(
        `Map key type mismatch: ${ctx.format(e.index)} (${formatSqlType(index.type)}) for ${formatSqlType(bt)}`,
      );
    }
    const primitiveKey =
      keyType.kind !== 'DECIMAL' &&
      keyType.kind !== 'BYTES' &&
      keyType.kind !== 'ARRAY' &&
      keyType.kind !== 'MAP' &&
      keyType.kind !== 'STRUCT';
    return {
      type: bt.value,
      evaluate: (row) => {
        const m = be(row) as Map<unknown, unknown> | null;
        if (m === null) return null;
        const raw = ie(row);
        if (raw === null) return null;
        const k = conv ? conv(raw) : raw;
        if (primitiveKey) return m.get(k) ?? null;
        for (const [mk, mv] of m) if (valuesEqual(keyType, mk, k)) return mv ?? null;
        return null;
      },
    };
  }
  throw new ExpressionTypeError(
    `Subscript expression is only supported on ARRAY and MAP types, but ${ctx.format(e.base)} is ${bt ? formatSqlType(bt) : 'NULL'}`,
  );
}

/** `struct->field`: exact field name first, then case-insensitively; NULL struct → NULL. */
export function compileDereference(e: Dereference, ctx: Ctx): CompiledExpression {
  const base = ctx.compile(e.base);
  const bt = base.type;
  if (bt?.kind !== 'STRUCT') {
    throw new ExpressionTypeError(
      `Can't dereference ${ctx.format(e.base)}: expected a STRUCT but got ${bt ? formatSqlType(bt) : 'NULL'}`,
    );
  }
  let i = bt.fields.findIndex((f) => f.name === e.field.name);
  if (i < 0 && !e.field.quoted)
    i = bt.fields.findIndex((f) => f.name.toUpperCase() === e.field.name.toUpperCase());
  const field = bt.fields[i];
  if (!field) {
    throw new ExpressionTypeError(`Could not find field '${e.field.name}' in '${ctx.format(e.base)}'.`);
  }
  const be = base.evaluate;
  return {
    type: field.type,
    evaluate: (row) => {
      const s = be(row) as Struct | null;
      return s === null ? null : (s.values[i] ?? null);
    },
  };
}
