import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnsForTests } from '../parse-type-for-tests.ts';
import { DEFAULT_VALUE_SCHEMA_NAME, defaultKeySchemaName } from './avro-names.ts';
import { generateAvroSchema } from './avro-schema-gen.ts';

const SPECS = join(import.meta.dirname, '../../../../../shared/ksqldb-qtt/historical-specs');

interface Case {
  readonly label: string;
  readonly expected: unknown;
  readonly actual: () => unknown;
}

/**
 * Sink topics in historical-specs (topic named like its source) whose registered key/value
 * Avro schema ksqlDB generated: our generator must produce exactly that schema.
 */
function collectCases(): Case[] {
  if (!existsSync(SPECS)) return [];
  const cases: Case[] = [];
  for (const dir of readdirSync(SPECS).sort()) {
    const versions = readdirSync(join(SPECS, dir)).sort();
    const latest = versions[versions.length - 1];
    if (!latest) continue;
    const spec = JSON.parse(readFileSync(join(SPECS, dir, latest, 'spec.json'), 'utf8'));
    const post = spec.testCase?.post;
    for (const topic of post?.topics?.topics ?? []) {
      const source = (post.sources ?? []).find((s: { name: string }) => s.name === topic.name);
      if (!source?.schema) continue;
      let cols;
      try {
        cols = parseColumnsForTests(source.schema);
      } catch {
        continue;
      }
      if (
        topic.valueFormat?.format === 'AVRO' &&
        topic.valueSchema &&
        !topic.valueFormat.properties?.schemaId
      ) {
        const unwrapped = (source.valueFeatures ?? []).includes('UNWRAP_SINGLES');
        const fullName = topic.valueFormat.properties?.fullSchemaName ?? DEFAULT_VALUE_SCHEMA_NAME;
        cases.push({
          label: `${dir} ${topic.name} value`,
          expected: topic.valueSchema,
          actual: () =>
            generateAvroSchema(
              cols.filter((c) => c.namespace === 'VALUE'),
              fullName,
              unwrapped,
            ),
        });
      }
      if (topic.keyFormat?.format === 'AVRO' && topic.keySchema && !topic.keyFormat.properties?.schemaId) {
        const keyCols = cols.filter((c) => c.namespace === 'KEY');
        const unwrapped = keyCols.length === 1 && !(source.keyFeatures ?? []).includes('WRAP_SINGLES');
        const fullName = topic.keyFormat.properties?.fullSchemaName ?? defaultKeySchemaName(topic.name);
        cases.push({
          label: `${dir} ${topic.name} key`,
          expected: topic.keySchema,
          actual: () => generateAvroSchema(keyCols, fullName, unwrapped),
        });
      }
    }
  }
  return cases;
}

const CASES = collectCases();

describe('Avro schemas as ksqlDB registers them (historical-specs)', () => {
  it('found sink schemas to compare', () => {
    expect(CASES.length).toBeGreaterThan(50);
  });

  it.each(CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expect(c.actual()).toEqual(c.expected);
  });
});
