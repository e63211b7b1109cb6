import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnsForTests } from '../parse-type-for-tests.ts';
import { generateProtobufSchema } from './proto-schema-gen.ts';

const SPECS = join(import.meta.dirname, '../../../../../shared/ksqldb-qtt/historical-specs');

interface Case {
  readonly label: string;
  readonly expected: string;
  readonly actual: () => string;
}

/**
 * Topics in historical-specs written by ksqlDB with a generated PROTOBUF schema (sinks, and
 * the internal changelog/repartition topics whose schema is listed in `schemas`): our generator
 * must print exactly the registered text.
 */
function collectCases(): Case[] {
  if (!existsSync(SPECS)) return [];
  const cases: Case[] = [];
  for (const dir of readdirSync(SPECS).sort()) {
    if (!dir.includes('PROTOBUF') || dir.includes('PROTOBUF_NOSR')) continue;
    const versions = readdirSync(join(SPECS, dir)).sort();
    const latest = versions[versions.length - 1];
    if (!latest) continue;
    const spec = JSON.parse(readFileSync(join(SPECS, dir, latest, 'spec.json'), 'utf8'));
    const post = spec.testCase?.post;
    for (const topic of post?.topics?.topics ?? []) {
      const source = (post.sources ?? []).find((s: { name: string }) => s.name === topic.name);
      const internal = Object.entries(spec.schemas ?? {}).find(([k]) =>
        topic.name.endsWith(`${k.split('.').slice(-2).join('-')}-changelog`),
      )?.[1] as { schema: string } | undefined;
      const schemaText: string | undefined = source?.schema ?? internal?.schema;
      if (!schemaText) continue;
      const cols = parseColumnsForTests(schemaText);
      for (const [part, format, expected] of [
        ['VALUE', topic.valueFormat, topic.valueSchema],
        ['KEY', topic.keyFormat, topic.keySchema],
      ] as const) {
        if (format?.format !== 'PROTOBUF' || !expected || format.properties?.schemaId) continue;
        cases.push({
          label: `${dir} ${topic.name} ${part}`,
          expected,
          actual: () =>
            generateProtobufSchema(
              cols.filter((c) => c.namespace === part),
              format.properties?.fullSchemaName,
            ),
        });
      }
    }
  }
  return cases;
}

describe('generateProtobufSchema', () => {
  const cases = collectCases();

  it('finds PROTOBUF schemas in the historical specs', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const c of cases) {
    it(c.label, () => {
      expect(c.actual()).toBe(c.expected);
    });
  }

  it('nests structs and map entries in pre-order, with package and imports', () => {
    const cols = parseColumnsForTests(
      '`K0` STRUCT<`ID` INTEGER>, `V1` ARRAY<STRUCT<`NAME` STRING>>, `V2` MAP<STRING, STRUCT<`A` STRING>>, `T` TIMESTAMP',
    );
    expect(generateProtobufSchema(cols, 'io.test.value')).toBe(
      [
        'syntax = "proto3";',
        '',
        'package io.test;',
        '',
        'import "google/protobuf/timestamp.proto";',
        '',
        'message value {',
        '  ConnectDefault1 K0 = 1;',
        '  repeated ConnectDefault2 V1 = 2;',
        '  repeated ConnectDefault3Entry V2 = 3;',
        '  google.protobuf.Timestamp T = 4;',
        '',
        '  message ConnectDefault1 {',
        '    int32 ID = 1;',
        '  }',
        '',
        '  message ConnectDefault2 {',
        '    string NAME = 1;',
        '  }',
        '',
        '  message ConnectDefault3Entry {',
        '    string key = 1;',
        '    ConnectDefault4 value = 2;',
        '',
        '    message ConnectDefault4 {',
        '      string A = 1;',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('rejects maps with non-string keys as ksqlDB does', () => {
    const cols = parseColumnsForTests('`M` MAP<INTEGER, STRING>');
    expect(() => generateProtobufSchema(cols)).toThrow('only supports MAP types with STRING keys');
  });
});
