import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnsForTests } from '../parse-type-for-tests.ts';
import { generateJsonSchema, generateJsonSchemaText } from './json-schema-gen.ts';

const SPECS = join(import.meta.dirname, '../../../../../shared/ksqldb-qtt/historical-specs');

interface Case {
  readonly label: string;
  readonly expected: unknown;
  readonly actual: () => unknown;
}

/**
 * Every topic in historical-specs that ksqlDB wrote as JSON_SR with a schema it generated
 * (sources created with columns and C*AS sinks; not `*_SCHEMA_ID` ones): our generator must
 * give the registered schema, key order included (it decides identical-schema ids).
 */
function collectCases(): Case[] {
  if (!existsSync(SPECS)) return [];
  const cases: Case[] = [];
  for (const dir of readdirSync(SPECS).sort()) {
    for (const version of readdirSync(join(SPECS, dir)).sort()) {
      const text = readFileSync(join(SPECS, dir, version, 'spec.json'), 'utf8');
      if (!text.includes('JSON_SR')) continue;
      const post = JSON.parse(text).testCase?.post;
      for (const topic of post?.topics?.topics ?? []) {
        const source = (post.sources ?? []).find((s: { name: string }) => s.name === topic.name);
        const schemaText: string | undefined = source?.schema;
        if (!schemaText) continue;
        const cols = parseColumnsForTests(schemaText);
        for (const [part, format, features, expected] of [
          ['VALUE', topic.valueFormat, source.valueFeatures, topic.valueSchema],
          ['KEY', topic.keyFormat, source.keyFeatures, topic.keySchema],
        ] as const) {
          if (format?.format !== 'JSON_SR' || !expected || format.properties?.schemaId) continue;
          const partCols = cols.filter((c) => c.namespace === part);
          const unwrapped =
            partCols.length === 1 &&
            (part === 'KEY' ? !features?.includes('WRAP_SINGLES') : !!features?.includes('UNWRAP_SINGLES'));
          cases.push({
            label: `${dir}/${version} ${topic.name} ${part}`,
            expected: JSON.stringify(expected),
            actual: () =>
              JSON.stringify(
                generateJsonSchema(partCols, { unwrapped, fullName: format.properties?.fullSchemaName }),
              ),
          });
        }
      }
    }
  }
  return cases;
}

describe('generateJsonSchema', () => {
  const cases = collectCases();

  it('finds JSON_SR schemas in the historical specs', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(c.label, () => {
      expect(c.actual()).toBe(c.expected);
    });
  }

  it('writes optional struct fields with their index, maps as key/value entry arrays', () => {
    const cols = parseColumnsForTests(
      '`ID` BIGINT, `S` STRUCT<`A` INTEGER>, `M` MAP<STRING, DOUBLE>, `T` TIMESTAMP, `B` BYTES',
    );
    expect(generateJsonSchema(cols)).toEqual({
      type: 'object',
      properties: {
        ID: { 'connect.index': 0, oneOf: [{ type: 'null' }, { type: 'integer', 'connect.type': 'int64' }] },
        S: {
          'connect.index': 1,
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              properties: {
                A: {
                  'connect.index': 0,
                  oneOf: [{ type: 'null' }, { type: 'integer', 'connect.type': 'int32' }],
                },
              },
            },
          ],
        },
        M: {
          'connect.index': 2,
          oneOf: [
            { type: 'null' },
            {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  key: { 'connect.index': 0, oneOf: [{ type: 'null' }, { type: 'string' }] },
                  value: {
                    'connect.index': 1,
                    oneOf: [{ type: 'null' }, { type: 'number', 'connect.type': 'float64' }],
                  },
                },
              },
              'connect.type': 'map',
            },
          ],
        },
        T: {
          'connect.index': 3,
          oneOf: [
            { type: 'null' },
            {
              type: 'integer',
              title: 'org.apache.kafka.connect.data.Timestamp',
              'connect.version': 1,
              'connect.type': 'int64',
            },
          ],
        },
        B: { 'connect.index': 4, oneOf: [{ type: 'null' }, { type: 'string', 'connect.type': 'bytes' }] },
      },
    });
  });

  it('gives an unwrapped single column its optional schema (elements.json key schema)', () => {
    const cols = parseColumnsForTests('`ROWKEY` INTEGER KEY');
    expect(generateJsonSchemaText(cols, { unwrapped: true })).toBe(
      '{"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}]}',
    );
  });

  it('titles the root with the full schema name', () => {
    const cols = parseColumnsForTests('`A` STRING');
    expect(generateJsonSchemaText(cols, { fullName: 'io.test.Row' })).toBe(
      '{"type":"object","title":"io.test.Row","properties":{"A":{"connect.index":0,"oneOf":[{"type":"null"},{"type":"string"}]}}}',
    );
  });
});
