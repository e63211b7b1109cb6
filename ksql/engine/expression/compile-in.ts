import { KsqlStatementError } from '../errors.ts';
import type { Expression, InList } from '../parser/ast.ts';
import { parseBooleanText } from '../types/boolean-text.ts';
import { baseTypeName, isNumeric } from '../types/base-type-name.ts';
import { widen } from '../types/coercion.ts';
import { parseDecimalText } from '../types/parse-number-text.ts';
import * as T from '../types/sql-type.ts';
import type { SqlType } from '../types/sql-type.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import { parseDateIso, parseTimeIso, parseTimestampIso } from '../types/time-text.ts';
import { castCompiled } from './compile-cast.ts';
import { codegenError, constant } from './compile-context.ts';
import { decimalLiteralType } from './compile-literal.ts';
import type { Ctx } from './compile-context.ts';
import { buildComparator, isValidComparison } from './comparator.ts';
import { isLiteral } from './compile-comparison.ts';
import { hasDirectComparison } from './direct-comparison.ts';
import type { CompiledExpression, EvalRow } from './scope.ts';

/**
 * `v [NOT] IN (a, b, ...)` (in.json, ksqlDB InListEvaluator): literals in the list are coerced
 * to v's type at compile time ('4.000' for an INT, 'TrUe' for a BOOLEAN, any literal for a
 * STRING), ARRAY/MAP/STRUCT constructors element-wise (STRUCT fields by name, missing ones
 * NULL); other expressions must be comparable with v. Numbers compare by value across widths.
 * A NULL v, or no match, gives false (NOT IN: no match and v non-null gives true).
 */
export function compileInList(e: InList, ctx: Ctx): CompiledExpression {
  const v = ctx.compile(e.value);
  const ve = v.evaluate;
  const vt = v.type;
  const items: { ev: (row: EvalRow) => unknown; eq: (a: unknown, b: unknown) => boolean }[] = [];
  // ksqlDB types the list after widening the value with its numeric literals, and names that
  // type in errors (in.json: DECIMAL(4, 2) IN (10, true) reports DECIMAL(12, 2) = BOOLEAN).
  let display = vt;
  if (vt && isNumeric(vt)) {
    for (const item of e.list) {
      if (item.kind === 'IntegerLiteral' || item.kind === 'DecimalLiteral' || item.kind === 'DoubleLiteral') {
        const lt = ctx.compile(item).type;
        if (lt) display = widen(display as SqlType, lt) ?? display;
      }
    }
  }
  const constants = new Set<unknown>();
  let allDirectConstants = vt !== undefined;
  for (const item of e.list) {
    if (item.kind === 'NullLiteral') continue;
    if (!vt) {
      items.push({ ev: ctx.compile(item).evaluate, eq: () => false });
      continue;
    }
    const c = coerceItem(item, vt, ctx, { expr: item, type: display ?? vt }, false);
    const ct = c.type ?? vt;
    const cmp = buildComparator(vt, ct);
    items.push({ ev: c.evaluate, eq: (a, b) => cmp(a, b) === 0 });
    if (allDirectConstants && isLiteral(item) && hasDirectComparison(vt, ct)) {
      const k = c.evaluate(undefined);
      if (typeof k === 'number' && Number.isNaN(k)) allDirectConstants = false;
      else if (k !== null) constants.add(k);
    } else {
      allDirectConstants = false;
    }
  }
  const negated = e.negated;
  const n = items.length;
  if (allDirectConstants) {
    // Only literals of the value's own representation: one Set lookup (SameValueZero equals
    // Java's numeric == here since NaN literals are excluded).
    return {
      type: T.BOOLEAN,
      evaluate: (row) => {
        const x = ve(row);
        if (x === null) return false;
        return constants.has(x) !== negated;
      },
    };
  }
  return {
    type: T.BOOLEAN,
    evaluate: (row) => {
      const x = ve(row);
      if (x === null) return false;
      for (let i = 0; i < n; i++) {
        const it = items[i] as (typeof items)[number];
        const y = it.ev(row);
        if (y !== null && it.eq(x, y)) return !negated;
      }
      return negated;
    },
  };
}

function operatorDoesNotExist(ctx: Ctx, target: SqlType, t: SqlType, top: Expression): KsqlStatementError {
  return codegenError(
    ctx,
    `operator does not exist: ${formatSqlType(target)} = ${formatSqlType(t)} (${ctx.format(top)})\nHint: You might need to add explicit type casts.`,
  );
}

function invalidSyntax(ctx: Ctx, target: SqlType, text: string): KsqlStatementError {
  return codegenError(ctx, `invalid input syntax for type ${baseTypeName(target)}: "${text}".`);
}

/** Compiles `item` so its values are comparable with `target`, or throws ksqlDB's IN-list error. */
interface Top {
  readonly expr: Expression;
  readonly type: SqlType;
}

function coerceItem(
  item: Expression,
  target: SqlType,
  ctx: Ctx,
  top: Top,
  nested: boolean,
): CompiledExpression {
  switch (item.kind) {
    case 'NullLiteral':
      return constant(target, null);
    case 'StringLiteral':
      return coerceString(item.value, target, ctx, top, nested);
    case 'BooleanLiteral':
      if (target.kind === 'BOOLEAN') return constant(target, item.value);
      if (target.kind === 'STRING') return constant(target, String(item.value));
      throw mismatch(ctx, target, T.BOOLEAN, top, nested);
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral': {
      if (target.kind === 'STRING') return constant(target, item.text);
      const c = ctx.compile(item);
      if (!isNumeric(target)) throw mismatch(ctx, target, c.type as SqlType, top, nested);
      return nested ? castCompiled(c, target, ctx) : c;
    }
    case 'CreateArray':
      if (target.kind === 'ARRAY') {
        const els = item.elements.map((x) => coerceItem(x, target.element, ctx, top, true));
        const evs = els.map((c) => c.evaluate);
        return { type: T.array(target.element), evaluate: (row) => evs.map((f) => f(row)) };
      }
      break;
    case 'CreateMap':
      if (target.kind === 'MAP') {
        const ks = item.entries.map((x) => coerceItem(x.key, target.key, ctx, top, true).evaluate);
        const vs = item.entries.map((x) => coerceItem(x.value, target.value, ctx, top, true).evaluate);
        return {
          type: target,
          evaluate: (row) => {
            const m = new Map<unknown, unknown>();
            ks.forEach((k, i) => m.set(k(row), (vs[i] as (r: EvalRow) => unknown)(row)));
            return m;
          },
        };
      }
      break;
    case 'CreateStruct':
      if (target.kind === 'STRUCT') {
        const given = new Map(item.fields.map((f) => [f.name.name, f.value]));
        const fields: T.StructField[] = [];
        const evs: ((row: EvalRow) => unknown)[] = [];
        for (const f of target.fields) {
          const x = given.get(f.name);
          fields.push(f);
          evs.push(x ? coerceItem(x, f.type, ctx, top, true).evaluate : () => null);
          given.delete(f.name);
        }
        for (const [name, x] of given) {
          const c = ctx.compile(x);
          fields.push({ name, type: c.type ?? T.STRING });
          evs.push(c.evaluate);
        }
        const names = fields.map((f) => f.name);
        return {
          type: T.struct(fields),
          evaluate: (row) =>
            new Struct(
              names,
              evs.map((f) => f(row)),
            ),
        };
      }
      break;
    default:
      break;
  }
  const c = ctx.compile(item);
  if (c.type && !compatible(target, c.type)) throw mismatch(ctx, target, c.type, top, nested);
  return nested && c.type && isNumeric(c.type) && isNumeric(target) ? castCompiled(c, target, ctx) : c;
}

/**
 * An incompatible item: at the top of the list it is reported with its own type; inside a
 * constructor ksqlDB reports the whole constructor (in.json "constructor with non-literal of wrong
 * type": ARRAY<BIGINT> = ARRAY<BOOLEAN> (ARRAY[VAL1])).
 */
function mismatch(ctx: Ctx, target: SqlType, t: SqlType, top: Top, nested: boolean): KsqlStatementError {
  if (!nested) return operatorDoesNotExist(ctx, top.type, t, top.expr);
  const whole = ctx.compile(top.expr);
  return operatorDoesNotExist(ctx, top.type, whole.type ?? t, top.expr);
}

/**
 * A string literal read as a value of `target`. At the top of the list a number keeps its
 * written value as a DECIMAL (compared by value: '2147483648' never equals an INT); inside a
 * constructor it is converted to the element type.
 */
function coerceString(
  text: string,
  target: SqlType,
  ctx: Ctx,
  top: Top,
  nested: boolean,
): CompiledExpression {
  switch (target.kind) {
    case 'STRING':
      return constant(target, text);
    case 'BOOLEAN': {
      const b = parseBooleanText(text);
      if (b === null) throw invalidSyntax(ctx, target, text);
      return constant(target, b);
    }
    case 'INT':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL': {
      const d = parseDecimalText(text);
      if (!d) throw invalidSyntax(ctx, target, text);
      const c = constant(decimalLiteralType(d), d);
      return nested ? castCompiled(c, target, ctx) : c;
    }
    case 'TIMESTAMP': {
      const ms = parseTimestampIso(text);
      if (ms === null) throw invalidSyntax(ctx, target, text);
      return constant(target, ms);
    }
    case 'DATE': {
      const d = parseDateIso(text);
      if (d === null) throw invalidSyntax(ctx, target, text);
      return constant(target, d);
    }
    case 'TIME': {
      const t = parseTimeIso(text);
      if (t === null) throw invalidSyntax(ctx, target, text);
      return constant(target, t);
    }
    default:
      throw mismatch(ctx, target, T.STRING, top, nested);
  }
}

function compatible(target: SqlType, t: SqlType): boolean {
  if (isNumeric(target) && isNumeric(t)) return true;
  if (target.kind !== t.kind) return isValidComparison(target, '=', t);
  switch (target.kind) {
    case 'ARRAY':
      return compatible(target.element, (t as typeof target).element);
    case 'MAP':
      return (
        compatible(target.key, (t as typeof target).key) &&
        compatible(target.value, (t as typeof target).value)
      );
    case 'STRUCT':
      return target.fields.every((f) => {
        const g = (t as typeof target).fields.find((x) => x.name === f.name);
        return !g || compatible(f.type, g.type);
      });
    default:
      return true;
  }
}
