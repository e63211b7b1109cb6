import { ExpressionTypeError } from './expression-errors.ts';
import { isLambdaFunction } from '../functions/scalar/lambda-function.ts';
import type { FunctionCall, Lambda } from '../parser/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { Ctx, LambdaVar } from './compile-context.ts';
import type { CompiledExpression, EvalRow } from './scope.ts';

type Ev = (row: EvalRow) => unknown;

/**
 * Scalar function calls through the registry. Arguments are evaluated eagerly (NULLs included)
 * and passed to the resolved overload. An exception thrown by a function is an evaluation error
 * in ksqlDB: logged to the processing log, the call yields NULL (cast.json "cast function with
 * error to null"). Lambda arguments become JS functions over slots the lambda body reads.
 */
export function compileFunctionCall(e: FunctionCall, ctx: Ctx): CompiledExpression {
  const fn = ctx.lookupFunction(e.name);
  if (!fn) throw new ExpressionTypeError(`Can't find any functions with the name '${e.name}'`);
  const argTypes: (SqlType | undefined)[] = new Array<SqlType | undefined>(e.args.length).fill(undefined);
  const evs: Ev[] = new Array<Ev>(e.args.length);
  const lambdaIdx: number[] = [];
  e.args.forEach((a, i) => {
    if (a.kind === 'Lambda') {
      lambdaIdx.push(i);
      return;
    }
    const c = ctx.compile(a);
    argTypes[i] = c.type;
    evs[i] = c.evaluate;
  });

  // Lambdas: typed from the other arguments, evaluated against the row being processed.
  const rowRef: { row: EvalRow } = { row: null };
  if (lambdaIdx.length > 0) {
    if (!isLambdaFunction(fn)) {
      throw new ExpressionTypeError(`Function '${e.name}' does not accept lambda arguments`);
    }
    for (const i of lambdaIdx) {
      const lam = e.args[i] as Lambda;
      const params = fn.lambdaParamTypes(argTypes, i);
      if ('error' in params) throw new ExpressionTypeError(params.error);
      if (params.length !== lam.params.length) {
        throw new ExpressionTypeError(
          `Was expecting ${params.length} arguments but found ${lam.params.length}, ${lam.params.join(', ')}. Check your lambda statement.`,
        );
      }
      const vars = new Map(ctx.lambdaVars);
      const slots: { value: unknown }[] = [];
      lam.params.forEach((p, j) => {
        const slot = { value: null as unknown };
        slots.push(slot);
        vars.set(p, { type: params[j] as SqlType, slot } satisfies LambdaVar);
      });
      const body = ctx.withLambdaVars(vars).compile(lam.body);
      argTypes[i] = body.type;
      const be = body.evaluate;
      const lambdaValue = (...values: unknown[]): unknown => {
        for (let j = 0; j < slots.length; j++) (slots[j] as { value: unknown }).value = values[j] ?? null;
        return be(rowRef.row);
      };
      evs[i] = () => lambdaValue;
    }
  }

  const resolved = fn.resolve(argTypes);
  if ('error' in resolved) throw new ExpressionTypeError(resolved.error);
  const invoke = resolved.invoke.bind(resolved);
  const fctx = ctx.functionContext;
  const n = evs.length;
  const hasLambdas = lambdaIdx.length > 0;
  const args = new Array<unknown>(n);
  return {
    type: resolved.returnType,
    evaluate: (row) => {
      if (hasLambdas) rowRef.row = row;
      // One argument array per call site, refilled per evaluation: a call site cannot be
      // re-entered while its function runs, and functions do not keep their argument array.
      for (let i = 0; i < n; i++) args[i] = (evs[i] as Ev)(row);
      try {
        const v = invoke(args, fctx);
        return v === undefined ? null : v;
      } catch {
        return null;
      }
    },
  };
}
