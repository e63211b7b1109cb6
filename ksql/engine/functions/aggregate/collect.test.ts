import { describe, expect, it } from 'vitest';
import { INT, STRING, array } from '../../types/sql-type.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('COLLECT_LIST / COLLECT_SET', () => {
  it('COLLECT_LIST keeps arrival order and duplicates; undo removes one occurrence', () => {
    const agg = resolveAgg('COLLECT_LIST', [INT]);
    expect(agg.returnType).toEqual(array(INT));
    const { outputs, acc } = run(agg, [1, 2, 1, null]);
    expect(outputs[3]).toEqual([1, 2, 1, null]);
    expect(agg.map(agg.undo!([1], acc))).toEqual([1, 2, null]);
    expect(agg.map(agg.merge([1], [2]))).toEqual([1, 2]);
  });

  it('COLLECT_SET keeps first occurrences; undo removes the value', () => {
    const agg = resolveAgg('COLLECT_SET', [STRING]);
    const { outputs, acc } = run(agg, ['a', 'b', 'a']);
    expect(outputs).toEqual([['a'], ['a', 'b'], ['a', 'b']]);
    expect(agg.map(agg.undo!(['a'], acc))).toEqual(['b']);
    expect(agg.map(agg.merge(['a'], ['b', 'a']))).toEqual(['a', 'b']);
  });
});
