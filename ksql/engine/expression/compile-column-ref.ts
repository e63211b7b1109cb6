import { KsqlStatementError } from '../errors.ts';
import type { ColumnRef, LambdaVariable } from '../parser/ast.ts';
import type { Ctx, LambdaVar } from './compile-context.ts';
import type { CompiledExpression } from './scope.ts';

/** A column of the scope, or a lambda parameter when an unqualified name matches one. */
export function compileColumnRef(e: ColumnRef, ctx: Ctx): CompiledExpression {
  if (!e.source) {
    const lv = findLambdaVar(ctx, e.name.name);
    if (lv) return lambdaRead(lv);
  }
  const binding = ctx.scope.resolveColumn(e.name.name, e.source?.name);
  if (!binding) {
    const name = e.source ? `${e.source.name}.${e.name.name}` : e.name.name;
    const clause = ctx.options.clause;
    throw new KsqlStatementError(
      clause ? `${clause} column '${name}' cannot be resolved.` : `Column '${name}' cannot be resolved.`,
    );
  }
  // Used unbound and as is: Scope documents that `read` needs no `this` and returns null, never undefined.
  return { type: binding.type, evaluate: binding.read };
}

export function compileLambdaVariable(e: LambdaVariable, ctx: Ctx): CompiledExpression {
  const lv = findLambdaVar(ctx, e.name);
  if (!lv) throw new KsqlStatementError(`Unknown lambda variable: ${e.name}`);
  return lambdaRead(lv);
}

function findLambdaVar(ctx: Ctx, name: string): LambdaVar | undefined {
  const exact = ctx.lambdaVars.get(name);
  if (exact) return exact;
  for (const [k, v] of ctx.lambdaVars) if (k.toUpperCase() === name.toUpperCase()) return v;
  return undefined;
}

function lambdaRead(lv: LambdaVar): CompiledExpression {
  const slot = lv.slot;
  return { type: lv.type, evaluate: () => slot.value };
}
