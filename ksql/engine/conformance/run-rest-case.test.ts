import { describe, expect, it } from 'vitest';
import { expandFile } from './case-expander.ts';
import { fakeModules } from './fake-engine.test-util.ts';
import { parseQttFile } from './qtt-loader.ts';
import { isAdminOnly, runRestCase } from './run-rest-case.ts';

const STATEMENTS = [
  "CREATE STREAM IN (ID BIGINT KEY, V STRING) WITH (kafka_topic='in', value_format='JSON');",
  'CREATE STREAM OUT AS SELECT * FROM IN;',
];

async function run(testCase: Record<string, unknown>) {
  const file = parseQttFile(
    '/q/r.json',
    JSON.stringify({ tests: [{ name: 'c', statements: STATEMENTS, ...testCase }] }),
  );
  const [r] = expandFile(file);
  return runRestCase(r!, fakeModules(), 'rest-query-validation-tests/r.json');
}

const input = { topic: 'in', key: 1, value: { v: 'a' } };
const status = { admin: { '@type': 'currentStatus' } };

describe('REST QTT cases with admin statements only', () => {
  it('checks outputs (at least the expected records) and the @type of each admin response', async () => {
    expect(
      (
        await run({
          inputs: [input, input],
          outputs: [{ topic: 'OUT', key: 1, value: 'a' }],
          responses: [status, status],
        })
      ).status,
    ).toBe('passed');
    const wrong = await run({
      inputs: [input],
      outputs: [{ topic: 'OUT', key: 1, value: 'a' }],
      responses: [{ admin: { '@type': 'streams' } }],
    });
    expect([wrong.status, wrong.reason]).toEqual(['failed', 'response mismatch']);
  });

  it('matches expectedError on the REST error type, message and status', async () => {
    const boom = {
      statements: ['BOOM'],
      expectedError: {
        type: 'io.confluent.ksql.rest.entity.KsqlStatementErrorMessage',
        message: 'rejected',
        status: 400,
      },
    };
    expect((await run(boom)).status).toBe('passed');
    expect((await run({ ...boom, expectedError: { message: 'rejected', status: 500 } })).reason).toBe(
      'wrong exception',
    );
    const none = await run({ inputs: [input], expectedError: { message: 'x' } });
    expect([none.status, none.reason]).toEqual(['failed', 'expected error not returned']);
  });

  it('leaves cases with queries to the REST facade', () => {
    const file = parseQttFile(
      '/q/r.json',
      JSON.stringify({
        tests: [{ name: 'q', statements: [...STATEMENTS, 'SELECT * FROM OUT;'], responses: [] }],
      }),
    );
    expect(isAdminOnly(expandFile(file)[0]!)).toBe(false);
  });
});
