import { expect } from 'vitest';
import type { SqlType } from '../../types/sql-type.ts';
import type { ResolvedAggregate } from '../function-types.ts';
import { getAggregateFunction } from './registry.ts';

/** Resolves a UDAF by name or fails the test with the resolve error. */
export function resolveAgg(
  name: string,
  argTypes: readonly SqlType[],
  literalArgs: readonly unknown[] = [],
): ResolvedAggregate {
  const fn = getAggregateFunction(name);
  expect(fn, name).toBeDefined();
  const r = fn!.resolve(argTypes, literalArgs);
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Feeds single-argument rows and returns the mapped result after each (one output per input). */
export function run(
  agg: ResolvedAggregate,
  values: readonly unknown[],
  acc: unknown = agg.initialize(),
): { outputs: unknown[]; acc: unknown } {
  const outputs: unknown[] = [];
  for (const v of values) {
    acc = agg.aggregate([v], acc);
    outputs.push(agg.map(acc));
  }
  return { outputs, acc };
}
