import { describe, expect, it } from 'vitest';
import { InMemorySchemaRegistry } from './in-memory-registry.ts';

const avro = (schema: unknown) => ({ schemaType: 'AVRO' as const, schema: JSON.stringify(schema) });

describe('InMemorySchemaRegistry (QTT mock registry)', () => {
  it('assigns ids from 1 and returns the same id for an identical schema', async () => {
    const r = new InMemorySchemaRegistry();
    expect(await r.register('a-value', avro({ type: 'int' }))).toBe(1);
    expect(await r.register('a-value', { schemaType: 'AVRO', schema: '{ "type" : "int" }' })).toBe(1);
    expect(await r.register('b-value', avro({ type: 'long' }))).toBe(2);
    expect(await r.register('a-value', avro({ type: 'long' }))).toBe(2);
    expect(r.versions('a-value').map((v) => v.id)).toEqual([1, 2]);
    expect((await r.getLatest('a-value'))?.id).toBe(2);
    expect(await r.getLatest('missing-value')).toBeUndefined();
    expect(await r.listSubjects()).toEqual(['a-value', 'b-value']);
  });

  it('registers fixtures under explicit ids (QTT valueSchemaId) and continues after them', () => {
    const r = new InMemorySchemaRegistry();
    expect(r.registerSync('t-value', avro({ type: 'string' }), 102)).toBe(102);
    expect(r.getCachedById(102)?.schema).toBe('{"type":"string"}');
    expect(r.registerSync('u-value', avro({ type: 'boolean' }))).toBe(103);
  });

  it('carries JSON schemas (JSON_SR): same text and type → same id, another type → another id', async () => {
    const r = new InMemorySchemaRegistry();
    const json = { schemaType: 'JSON' as const, schema: '{"type":"string"}' };
    expect(await r.register('j-value', json)).toBe(1);
    expect(await r.register('j-value', { schemaType: 'JSON', schema: '{ "type": "string" }' })).toBe(1);
    expect(await r.register('a-value', avro({ type: 'string' }))).toBe(2);
    expect((await r.getLatest('j-value'))?.schema.schemaType).toBe('JSON');
  });
});
