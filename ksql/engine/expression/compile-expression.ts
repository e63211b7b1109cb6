import { assertNever } from '../../../common/assert-never.ts';
import { KsqlUnsupportedError } from '../errors.ts';
import type { FunctionContext } from '../functions/function-types.ts';
import { getScalarFunction } from '../functions/scalar/registry.ts';
import type { Expression } from '../parser/ast.ts';
import { formatSqlType, STRING } from '../types/sql-type.ts';
import { compileArithmeticBinary, compileArithmeticUnary } from './compile-arithmetic.ts';
import { compileBetween } from './compile-between.ts';
import { compileSearchedCase, compileSimpleCase } from './compile-case.ts';
import { compileCast } from './compile-cast.ts';
import { compileColumnRef, compileLambdaVariable } from './compile-column-ref.ts';
import { compileComparison } from './compile-comparison.ts';
import { constant } from './compile-context.ts';
import type { Ctx, LambdaVar } from './compile-context.ts';
import { compileCreateArray, compileCreateMap, compileCreateStruct } from './compile-constructors.ts';
import { compileFunctionCall } from './compile-function-call.ts';
import { compileInList } from './compile-in.ts';
import { compileIsNull } from './compile-is-null.ts';
import { compileLike } from './compile-like.ts';
import { compileLiteral } from './compile-literal.ts';
import { compileLogicalBinary, compileNot } from './compile-logical.ts';
import { compileDereference, compileSubscript } from './compile-subscript.ts';
import { ExpressionTypeError } from './expression-errors.ts';
import { formatExpression } from './format-expression.ts';
import type { CompiledExpression, CompileOptions, Scope } from './scope.ts';

export const DEFAULT_FUNCTION_CONTEXT: FunctionContext = {
  defaultTimeZone: 'UTC',
  now: () => Date.now(),
};

/**
 * Type-checks `expr` against `scope` and compiles it into a closure. All type errors are raised
 * here (KsqlStatementError with ksqlDB's wording); `evaluate` walks no AST and allocates only its
 * result.
 */
export function compileExpression(
  expr: Expression,
  scope: Scope,
  options: CompileOptions = {},
): CompiledExpression {
  const c = compileChecked(expr, scope, options);
  const ev = c.evaluate;
  const onError = options.onError;
  // ksqlDB evaluates each expression in a try/catch: a failure makes the value NULL and is
  // reported to the processing log.
  return {
    type: c.type,
    evaluate: (row) => {
      try {
        return ev(row);
      } catch (err) {
        if (onError) onError(err, expr);
        return null;
      }
    },
  };
}

/**
 * In WHERE and HAVING ksqlDB prefixes type errors ("Error in WHERE expression: Cannot compare
 * ...") and requires a BOOLEAN ("Type error in WHERE expression: Should evaluate to boolean but
 * is 'x' (STRING) instead.", comparison-expression.json).
 */
function compileChecked(expr: Expression, scope: Scope, options: CompileOptions): CompiledExpression {
  const clause = options.clause?.toUpperCase();
  const predicate = clause === 'WHERE' || clause === 'HAVING';
  let c: CompiledExpression;
  try {
    c = makeCtx(scope, options, new Map()).compile(expr);
  } catch (err) {
    if (predicate && err instanceof ExpressionTypeError) {
      throw new ExpressionTypeError(`Error in ${clause} expression: ${err.message}`, err.statementText, {
        cause: err,
      });
    }
    throw err;
  }
  if (predicate && c.type && c.type.kind !== 'BOOLEAN') {
    throw new ExpressionTypeError(
      `Type error in ${clause} expression: Should evaluate to boolean but is ${formatExpression(expr, (ref) => scope.resolveColumn(ref.name.name, ref.source?.name)?.displayText)} (${formatSqlType(c.type)}) instead.`,
    );
  }
  return c;
}

function makeCtx(scope: Scope, options: CompileOptions, lambdaVars: ReadonlyMap<string, LambdaVar>): Ctx {
  const lookup = options.functions ?? getScalarFunction;
  const ctx: Ctx = {
    scope,
    options,
    functionContext: options.functionContext ?? DEFAULT_FUNCTION_CONTEXT,
    lookupFunction: (name) => lookup(name) ?? (options.functions ? getScalarFunction(name) : undefined),
    lambdaVars,
    compile: (e) => compileNode(e, ctx),
    format: (e) =>
      formatExpression(e, (ref) =>
        ref.source ? undefined : scope.resolveColumn(ref.name.name)?.displayText,
      ),
    withLambdaVars: (vars) => makeCtx(scope, options, vars),
  };
  return ctx;
}

function compileNode(e: Expression, ctx: Ctx): CompiledExpression {
  switch (e.kind) {
    case 'ColumnRef':
      return compileColumnRef(e, ctx);
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
      return compileLiteral(e);
    case 'ArithmeticBinary':
      return compileArithmeticBinary(e, ctx);
    case 'ArithmeticUnary':
      return compileArithmeticUnary(e, ctx);
    case 'Comparison':
      return compileComparison(e, ctx);
    case 'Between':
      return compileBetween(e, ctx);
    case 'InList':
      return compileInList(e, ctx);
    case 'Like':
      return compileLike(e, ctx);
    case 'IsNull':
      return compileIsNull(e, ctx);
    case 'LogicalBinary':
      return compileLogicalBinary(e, ctx);
    case 'Not':
      return compileNot(e, ctx);
    case 'SearchedCase':
      return compileSearchedCase(e, ctx);
    case 'SimpleCase':
      return compileSimpleCase(e, ctx);
    case 'Cast':
      return compileCast(e, ctx);
    case 'FunctionCall':
      return compileFunctionCall(e, ctx);
    case 'Subscript':
      return compileSubscript(e, ctx);
    case 'Dereference':
      return compileDereference(e, ctx);
    case 'CreateArray':
      return compileCreateArray(e, ctx);
    case 'CreateMap':
      return compileCreateMap(e, ctx);
    case 'CreateStruct':
      return compileCreateStruct(e, ctx);
    case 'LambdaVariable':
      return compileLambdaVariable(e, ctx);
    case 'Lambda':
      throw new KsqlUnsupportedError('a lambda outside a lambda function argument');
    case 'IntervalUnit':
      // Time unit arguments (TIMESTAMPADD(SECONDS, ...)) reach functions as the unit name.
      return constant(STRING, e.unit);
    case 'TypeExpr':
      throw new KsqlUnsupportedError('a type as an expression');
    default:
      return assertNever(e, 'expression');
  }
}
