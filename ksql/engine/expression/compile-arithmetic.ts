import { KsqlRuntimeError } from '../errors.ts';
import { ExpressionTypeError } from './expression-errors.ts';
import type { ArithmeticBinary, ArithmeticOperator, ArithmeticUnary } from '../parser/ast.ts';
import { baseTypeName, isNumeric } from '../types/base-type-name.ts';
import { arithmeticResultType } from '../types/coercion.ts';
import type { Decimal } from '../types/decimal.ts';
import {
  addDecimals,
  decimalToDouble,
  divideDecimalsExact,
  fitExact,
  multiplyDecimals,
  negateDecimal,
  remainderDecimals,
  subtractDecimals,
} from '../types/decimal-math.ts';
import { numericToDecimal } from '../types/loose-equals.ts';
import { formatSqlType, type SqlType } from '../types/sql-type.ts';
import type { Ctx } from './compile-context.ts';
import { compileLiteral } from './compile-literal.ts';
import { DECIMAL_OVERFLOW, DIVIDE_BY_ZERO, NULL_OPERAND } from './eval-error.ts';
import type { CompiledExpression, EvalRow } from './scope.ts';

type Ev = (row: EvalRow) => unknown;

/**
 * `+ - * / %` (binary-arithmetic.json, decimal.json, operators.json). Result types follow
 * arithmeticResultType; INT and BIGINT wrap like Java; DOUBLE
 * follows IEEE (x/0 = Infinity). `STRING + STRING` concatenates (concat.json). An untyped NULL
 * literal operand is a type error. A NULL operand value,
 * integer division by zero or an unfit DECIMAL throw an EvalError: the whole expression is NULL.
 */
export function compileArithmeticBinary(e: ArithmeticBinary, ctx: Ctx): CompiledExpression {
  const l = ctx.compile(e.left);
  const r = ctx.compile(e.right);
  if (!l.type || !r.type) {
    // An untyped NULL operand is rejected, as ksqlDB's type checker does (push-queries.json
    // "NULL Arithmetic Behavior"); CAST(NULL AS INT) has a type and yields NULL at run time.
    const name = (t: SqlType | undefined) => (t ? formatSqlType(t) : 'null');
    throw new KsqlRuntimeError(
      `Error processing expression: ${ctx.format(e)}. Arithmetic on types ${name(l.type)} and ${name(r.type)} are not supported.`,
    );
  }
  const rt = arithmeticResultType(e.operator, l.type, r.type);
  if ('error' in rt) {
    throw new ExpressionTypeError(`Error processing expression: ${ctx.format(e)}. ${rt.error}`);
  }
  return { type: rt, evaluate: binaryEvaluator(e.operator, l, r, rt) };
}

function binaryEvaluator(
  op: ArithmeticOperator,
  l: CompiledExpression,
  r: CompiledExpression,
  rt: SqlType,
): Ev {
  const le = l.evaluate;
  const re = r.evaluate;
  switch (rt.kind) {
    case 'STRING':
      // Java string concatenation: a NULL operand prints as "null".
      return (row) => `${le(row) as string}${re(row) as string}`;
    case 'INT':
      return intOp(op, le, re);
    case 'BIGINT': {
      if (op === '+' || op === '-' || op === '*') return exactBigOp(op, le, re);
      const lb = toBig(l.type as SqlType, le);
      const rb = toBig(r.type as SqlType, re);
      return bigOp(op, lb, rb);
    }
    case 'DOUBLE': {
      const ld = toDouble(l.type as SqlType, le);
      const rd = toDouble(r.type as SqlType, re);
      return doubleOp(op, ld, rd);
    }
    case 'DECIMAL': {
      const lt = l.type as SqlType;
      const rtp = r.type as SqlType;
      const { precision, scale } = rt;
      const f = decimalFn(op, scale);
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        const x = numericToDecimal(lt, a);
        const y = numericToDecimal(rtp, b);
        if (!x || !y) throw NULL_OPERAND;
        const res = f(x, y);
        const fitted = res && fitExact(res, precision, scale);
        if (!fitted) throw DECIMAL_OVERFLOW;
        return fitted;
      };
    }
    default:
      throw new ExpressionTypeError(`Unsupported arithmetic result type ${baseTypeName(rt)}`);
  }
}

function intOp(op: ArithmeticOperator, le: Ev, re: Ev): Ev {
  switch (op) {
    case '+':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return ((a as number) + (b as number)) | 0;
      };
    case '-':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return ((a as number) - (b as number)) | 0;
      };
    case '*':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return Math.imul(a as number, b as number);
      };
    case '/':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        if (b === 0) throw DIVIDE_BY_ZERO;
        return ((a as number) / (b as number)) | 0;
      };
    case '%':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        if (b === 0) throw DIVIDE_BY_ZERO;
        return ((a as number) % (b as number)) | 0;
      };
  }
}

function bigOp(op: ArithmeticOperator, le: Ev, re: Ev): Ev {
  const f: (a: bigint, b: bigint) => bigint =
    op === '+'
      ? (a, b) => BigInt.asIntN(64, a + b)
      : op === '-'
        ? (a, b) => BigInt.asIntN(64, a - b)
        : op === '*'
          ? (a, b) => BigInt.asIntN(64, a * b)
          : op === '/'
            ? (a, b) => {
                if (b === 0n) throw DIVIDE_BY_ZERO;
                return BigInt.asIntN(64, a / b);
              }
            : (a, b) => {
                if (b === 0n) throw DIVIDE_BY_ZERO;
                return a % b;
              };
  return (row) => {
    const a = le(row);
    if (a === null) throw NULL_OPERAND;
    const b = re(row);
    if (b === null) throw NULL_OPERAND;
    return f(a as bigint, b as bigint);
  };
}

/**
 * BIGINT `+ - *` over BIGINT (bigint) or INT (number) operands: in doubles when the operands
 * and the result are safe integers (then exact, so equal to the 64-bit result), else in bigint
 * with Java's wrapping. One bigint is allocated instead of three (operand, product, wrap).
 */
function exactBigOp(op: '+' | '-' | '*', le: Ev, re: Ev): Ev {
  const big =
    op === '+'
      ? (a: bigint, b: bigint) => a + b
      : op === '-'
        ? (a: bigint, b: bigint) => a - b
        : (a: bigint, b: bigint) => a * b;
  return (row) => {
    const a = le(row);
    if (a === null) throw NULL_OPERAND;
    const b = re(row);
    if (b === null) throw NULL_OPERAND;
    const x = typeof a === 'bigint' ? Number(a) : (a as number);
    const y = typeof b === 'bigint' ? Number(b) : (b as number);
    const r = op === '*' ? x * y : op === '+' ? x + y : x - y;
    if (Number.isSafeInteger(r) && Number.isSafeInteger(x) && Number.isSafeInteger(y)) return BigInt(r);
    return BigInt.asIntN(64, big(BigInt(a as number | bigint), BigInt(b as number | bigint)));
  };
}

function doubleOp(op: ArithmeticOperator, le: Ev, re: Ev): Ev {
  switch (op) {
    case '+':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return (a as number) + (b as number);
      };
    case '-':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return (a as number) - (b as number);
      };
    case '*':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return (a as number) * (b as number);
      };
    case '/':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return (a as number) / (b as number);
      };
    case '%':
      return (row) => {
        const a = le(row);
        if (a === null) throw NULL_OPERAND;
        const b = re(row);
        if (b === null) throw NULL_OPERAND;
        return (a as number) % (b as number);
      };
  }
}

function decimalFn(op: ArithmeticOperator, scale: number): (a: Decimal, b: Decimal) => Decimal | null {
  switch (op) {
    case '+':
      return addDecimals;
    case '-':
      return subtractDecimals;
    case '*':
      return multiplyDecimals;
    case '/':
      return (a, b) => divideDecimalsExact(a, b, scale);
    case '%':
      return remainderDecimals;
  }
}

function toBig(t: SqlType, ev: Ev): Ev {
  if (t.kind === 'BIGINT') return ev;
  return (row) => {
    const v = ev(row);
    if (v === null) throw NULL_OPERAND;
    return BigInt(v as number);
  };
}

function toDouble(t: SqlType, ev: Ev): Ev {
  switch (t.kind) {
    case 'BIGINT':
      return (row) => {
        const v = ev(row);
        if (v === null) throw NULL_OPERAND;
        return Number(v as bigint);
      };
    case 'DECIMAL':
      return (row) => {
        const v = ev(row);
        if (v === null) throw NULL_OPERAND;
        return decimalToDouble(v as Decimal);
      };
    default:
      return ev;
  }
}

/** Unary `-` / `+`. A minus directly before a numeric literal is folded into the literal. */
export function compileArithmeticUnary(e: ArithmeticUnary, ctx: Ctx): CompiledExpression {
  const o = e.operand;
  if (
    e.sign === '-' &&
    (o.kind === 'IntegerLiteral' || o.kind === 'DecimalLiteral' || o.kind === 'DoubleLiteral')
  ) {
    return compileLiteral(o, true);
  }
  const c = ctx.compile(o);
  if (!c.type) return c;
  if (!isNumeric(c.type)) {
    throw new ExpressionTypeError(
      `Error processing expression: ${ctx.format(e)}. Unsupported arithmetic type. ${baseTypeName(c.type)}`,
    );
  }
  if (e.sign === '+') return c;
  const ev = c.evaluate;
  switch (c.type.kind) {
    case 'INT':
      return {
        type: c.type,
        evaluate: (row) => {
          const v = ev(row);
          if (v === null) throw NULL_OPERAND;
          return -(v as number) | 0;
        },
      };
    case 'BIGINT':
      return {
        type: c.type,
        evaluate: (row) => {
          const v = ev(row);
          if (v === null) throw NULL_OPERAND;
          return BigInt.asIntN(64, -(v as bigint));
        },
      };
    case 'DECIMAL':
      return {
        type: c.type,
        evaluate: (row) => {
          const v = ev(row);
          if (v === null) throw NULL_OPERAND;
          return negateDecimal(v as Decimal);
        },
      };
    default:
      return {
        type: c.type,
        evaluate: (row) => {
          const v = ev(row);
          if (v === null) throw NULL_OPERAND;
          return -(v as number);
        },
      };
  }
}
