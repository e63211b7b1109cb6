import { describe, expect, it } from 'vitest';
import { normalizeOptionLists } from './option-lists.ts';

describe('normalizeOptionLists', () => {
  it('turns a text-format list into repeated entries', () => {
    expect(normalizeOptionLists('[(m) = { params: [ { key: "a" }, { key: "b" } ] }]')).toBe(
      '[(m) = { params: { key: "a" } params: { key: "b" } }]',
    );
  });

  it('leaves field option brackets, strings and comments alone', () => {
    const text = 'int32 a = 1 [deprecated = true]; // x: [1, 2]\nstring s = 2 [json_name = "p: [q]"];';
    expect(normalizeOptionLists(text)).toBe(text);
  });
});
