/**
 * TRANSFORM, FILTER, REDUCE (filter.json): higher-order functions over ARRAY and MAP whose
 * lambda arguments arrive as JS functions. A NULL collection gives NULL.
 */
import { STRING, array, map } from '../../types/sql-type.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { formatSqlType } from '../../types/sql-type.ts';
import type { ResolvedScalar } from '../function-types.ts';
import { noOverload } from './define.ts';
import type { LambdaScalarFunction, LambdaValue } from './lambda-function.ts';

/** FILTER(array, x => bool) / FILTER(map, (k, v) => bool): keeps entries for which the lambda is true. */
export const filter: LambdaScalarFunction = {
  name: 'FILTER',
  lambdaParamTypes(t, i) {
    const c = t[0];
    if (i !== 1 || !c) return { error: 'FILTER expects a collection and a lambda' };
    if (c.kind === 'ARRAY') return [c.element];
    if (c.kind === 'MAP') return [c.key, c.value];
    return { error: `FILTER does not accept ${formatSqlType(c)}` };
  },
  resolve(t): ResolvedScalar | { error: string } {
    const c = t[0];
    if (t.length !== 2 || !c || t[1]?.kind !== 'BOOLEAN') return noOverload('FILTER', t);
    if (c.kind === 'ARRAY') {
      return {
        returnType: c,
        invoke: ([arr, fn]) => {
          if (arr === null) return null;
          const f = fn as LambdaValue;
          return (arr as unknown[]).filter((x) => f(x ?? null) === true);
        },
      };
    }
    if (c.kind === 'MAP') {
      return {
        returnType: c,
        invoke: ([m, fn]) => {
          if (m === null) return null;
          const f = fn as LambdaValue;
          const out = new Map<unknown, unknown>();
          for (const [k, v] of m as Map<unknown, unknown>) if (f(k, v ?? null) === true) out.set(k, v);
          return out;
        },
      };
    }
    return noOverload('FILTER', t);
  },
};

/** TRANSFORM(array, x => y) / TRANSFORM(map, (k, v) => k2, (k, v) => v2). */
export const transform: LambdaScalarFunction = {
  name: 'TRANSFORM',
  lambdaParamTypes(t) {
    const c = t[0];
    if (c?.kind === 'ARRAY') return [c.element];
    if (c?.kind === 'MAP') return [c.key, c.value];
    return { error: `TRANSFORM does not accept ${c ? formatSqlType(c) : 'null'}` };
  },
  resolve(t): ResolvedScalar | { error: string } {
    const c = t[0];
    if (c?.kind === 'ARRAY' && t.length === 2 && t[1]) {
      return {
        returnType: array(t[1]),
        invoke: ([arr, fn]) => {
          if (arr === null) return null;
          const f = fn as LambdaValue;
          return (arr as unknown[]).map((x) => f(x ?? null) ?? null);
        },
      };
    }
    if (c?.kind === 'MAP' && t.length === 3 && t[1] && t[2]) {
      return {
        returnType: map(t[1], t[2]),
        invoke: ([m, fk, fv]) => {
          if (m === null) return null;
          const out = new Map<unknown, unknown>();
          for (const [k, v] of m as Map<unknown, unknown>) {
            out.set((fk as LambdaValue)(k, v ?? null), (fv as LambdaValue)(k, v ?? null) ?? null);
          }
          return out;
        },
      };
    }
    return noOverload('TRANSFORM', t);
  },
};

/** REDUCE(array, initial, (state, x) => state2) / REDUCE(map, initial, (state, k, v) => state2). */
export const reduce: LambdaScalarFunction = {
  name: 'REDUCE',
  lambdaParamTypes(t, i) {
    const c = t[0];
    const s: SqlType = t[1] ?? STRING;
    if (i !== 2) return { error: 'REDUCE expects a collection, an initial state and a lambda' };
    if (c?.kind === 'ARRAY') return [s, c.element];
    if (c?.kind === 'MAP') return [s, c.key, c.value];
    return { error: `REDUCE does not accept ${c ? formatSqlType(c) : 'null'}` };
  },
  resolve(t): ResolvedScalar | { error: string } {
    const c = t[0];
    const s = t[1];
    if (t.length !== 3 || !c || !s) return noOverload('REDUCE', t);
    return {
      returnType: s,
      invoke: ([coll, init, fn]) => {
        if (coll === null) return null;
        const f = fn as LambdaValue;
        let state = init;
        if (c.kind === 'MAP') {
          for (const [k, v] of coll as Map<unknown, unknown>) state = f(state, k, v ?? null);
        } else {
          for (const x of coll as unknown[]) state = f(state, x ?? null);
        }
        return state ?? null;
      },
    };
  },
};
