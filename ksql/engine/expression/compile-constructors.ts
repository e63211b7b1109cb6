import { ExpressionTypeError } from './expression-errors.ts';
import type { CreateArray, CreateMap, CreateStruct, Expression } from '../parser/ast.ts';
import { commonType } from '../types/coercion.ts';
import * as T from '../types/sql-type.ts';
import type { SqlType } from '../types/sql-type.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import { castCompiled } from './compile-cast.ts';
import type { Ctx } from './compile-context.ts';
import type { CompiledExpression, EvalRow } from './scope.ts';

type Ev = (row: EvalRow) => unknown;

/**
 * Compiles several expressions to one common type (numeric widening); string literals among
 * numbers are parsed as numbers like ksqlDB's CoercionUtil does for user lists.
 */
export function compileToCommonType(
  exprs: readonly Expression[],
  ctx: Ctx,
  what: string,
): { type: SqlType | undefined; evs: Ev[] } {
  const compiled = exprs.map((x) => ctx.compile(x));
  let t = commonType(compiled.map((c) => c.type));
  if (t && 'error' in t) {
    // Retry treating string literals as numbers when the others are numeric.
    const nonString = commonType(
      compiled.map((c, i) => (exprs[i]?.kind === 'StringLiteral' ? undefined : c.type)),
    );
    if (nonString && !('error' in nonString) && nonString.kind !== 'STRING') {
      t = nonString;
    } else {
      const bad = exprs[t.index] as Expression;
      throw new ExpressionTypeError(
        `invalid input syntax for ${what}: ${ctx.format(bad)} (${formatSqlType(compiled[t.index]?.type as SqlType)}) is not compatible with the other elements`,
      );
    }
  }
  if (!t) return { type: undefined, evs: compiled.map((c) => c.evaluate) };
  const target = t;
  return { type: target, evs: compiled.map((c) => castCompiled(c, target, ctx).evaluate) };
}

/** `ARRAY[a, b, ...]`: elements widened to a common type. */
export function compileCreateArray(e: CreateArray, ctx: Ctx): CompiledExpression {
  const { type, evs } = compileToCommonType(e.elements, ctx, 'ARRAY');
  if (!type) {
    throw new ExpressionTypeError(
      'Cannot construct an array with all NULL elements (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.',
    );
  }
  const n = evs.length;
  return {
    type: T.array(type),
    evaluate: (row) => {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = (evs[i] as Ev)(row);
      return out;
    },
  };
}

/** `MAP(k := v, ...)`: keys and values each widened to a common type. */
export function compileCreateMap(e: CreateMap, ctx: Ctx): CompiledExpression {
  const keys = compileToCommonType(
    e.entries.map((x) => x.key),
    ctx,
    'MAP key',
  );
  const values = compileToCommonType(
    e.entries.map((x) => x.value),
    ctx,
    'MAP value',
  );
  if (!keys.type || !values.type) {
    throw new ExpressionTypeError(
      'Cannot construct a map with all NULL keys or values (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.',
    );
  }
  const ks = keys.evs;
  const vs = values.evs;
  return {
    type: T.map(keys.type, values.type),
    evaluate: (row) => {
      const m = new Map<unknown, unknown>();
      for (let i = 0; i < ks.length; i++) m.set((ks[i] as Ev)(row), (vs[i] as Ev)(row));
      return m;
    },
  };
}

/** `STRUCT(name := v, ...)`: fields in the written order. */
export function compileCreateStruct(e: CreateStruct, ctx: Ctx): CompiledExpression {
  const fields: T.StructField[] = [];
  const evs: Ev[] = [];
  for (const f of e.fields) {
    const c = ctx.compile(f.value);
    if (!c.type) {
      throw new ExpressionTypeError(
        "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
      );
    }
    fields.push({ name: f.name.name, type: c.type });
    evs.push(c.evaluate);
  }
  const names = fields.map((f) => f.name);
  const n = evs.length;
  return {
    type: T.struct(fields),
    evaluate: (row) => {
      const values = new Array<unknown>(n);
      for (let i = 0; i < n; i++) values[i] = (evs[i] as Ev)(row);
      return new Struct(names, values);
    },
  };
}
