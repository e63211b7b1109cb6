import { describe, expect, it } from 'vitest';
import { expandFile } from './case-expander.ts';
import { fakeModules } from './fake-engine.test-util.ts';
import { parseQttFile } from './qtt-loader.ts';
import { runQttCase } from './run-case.ts';

const STATEMENTS = [
  "CREATE STREAM IN (ID BIGINT KEY, V STRING) WITH (kafka_topic='in', value_format='JSON');",
  'CREATE STREAM OUT AS SELECT * FROM IN;',
];

async function run(testCase: Record<string, unknown>, mods = fakeModules()) {
  const file = parseQttFile(
    '/q/t.json',
    JSON.stringify({ tests: [{ name: 'c', statements: STATEMENTS, ...testCase }] }),
  );
  const [r] = expandFile(file);
  return runQttCase(r!, mods, 't.json');
}

const input = (key: number, v: string | null, ts = 5) => ({
  topic: 'in',
  key,
  value: v === null ? null : { v },
  timestamp: ts,
});

describe('runQttCase (against a fake engine)', () => {
  it('passes when every output matches in order, with its timestamp', async () => {
    const r = await run({
      inputs: [input(1, 'a'), input(2, null, 7)],
      outputs: [
        { topic: 'OUT', key: 1, value: 'a', timestamp: 5 },
        { topic: 'OUT', key: 2, value: null },
      ],
    });
    expect(r).toEqual({ name: 't - c', file: 't.json', status: 'passed' });
  });

  it('reports a differing record with expected and actual', async () => {
    const r = await run({ inputs: [input(1, 'a')], outputs: [{ topic: 'OUT', key: 1, value: 'b' }] });
    expect(r.status).toBe('failed');
    expect(r.reason).toBe('output mismatch');
    expect(r.detail).toContain('expected: key: 1, value: "b"');
    expect(r.detail).toContain('actual:   key: 1, value: "a", timestamp: 5');
  });

  it('compares timestamps only when given, and key/windows strictly', async () => {
    expect(
      (await run({ inputs: [input(1, 'a')], outputs: [{ topic: 'OUT', key: 1, value: 'a', timestamp: 6 }] }))
        .detail,
    ).toContain('timestamp differs');
    expect(
      (await run({ inputs: [input(1, 'a')], outputs: [{ topic: 'OUT', key: 2, value: 'a' }] })).detail,
    ).toContain('key differs');
    const windowed = fakeModules({ window: { type: 'TUMBLING', sizeMs: 1000 } });
    const ok = await run(
      {
        inputs: [input(1, 'a')],
        outputs: [{ topic: 'OUT', key: 1, value: 'a', window: { start: 0, end: 1000, type: 'time' } }],
      },
      windowed,
    );
    expect(ok.status).toBe('passed');
    const bad = await run(
      {
        inputs: [input(1, 'a')],
        outputs: [{ topic: 'OUT', key: 1, value: 'a', window: { start: 0, end: 2000, type: 'time' } }],
      },
      windowed,
    );
    expect(bad.detail).toContain('window differs');
  });

  it('compares headers when the expected record lists them', async () => {
    const withHeader = { ...input(1, 'a'), headers: [{ KEY: 'h', VALUE: 'AQ==' }] };
    const out = (value: string) => ({
      topic: 'OUT',
      key: 1,
      value: 'a',
      headers: [{ KEY: 'h', VALUE: value }],
    });
    expect((await run({ inputs: [withHeader], outputs: [out('AQ==')] })).status).toBe('passed');
    expect((await run({ inputs: [withHeader], outputs: [out('Ag==')] })).detail).toContain('headers differ');
  });

  it('requires the exact record count per topic', async () => {
    const r = await run({
      inputs: [input(1, 'a')],
      outputs: [
        { topic: 'OUT', key: 1, value: 'a' },
        { topic: 'OUT', key: 1, value: 'a' },
      ],
    });
    expect(r.reason).toBe('output mismatch: missing records');
    const extra = await run({
      inputs: [input(1, 'a'), input(1, 'b')],
      outputs: [{ topic: 'OUT', key: 1, value: 'a' }],
    });
    expect(extra.reason).toBe('output mismatch: extra records');
  });

  it('matches expectedException by Java type and message substring', async () => {
    const boom = { statements: ['BOOM'] };
    expect(
      (
        await run({
          ...boom,
          expectedException: { type: 'io.confluent.ksql.util.KsqlException', message: 'rejected' },
        })
      ).status,
    ).toBe('passed');
    const wrong = await run({ ...boom, expectedException: { message: 'something else' } });
    expect([wrong.status, wrong.reason]).toEqual(['failed', 'wrong exception']);
    const none = await run({ inputs: [input(1, 'a')], expectedException: { message: 'x' } });
    expect([none.status, none.reason]).toEqual(['failed', 'expected exception not thrown']);
    const unexpected = await run({ statements: ['BOOM'], inputs: [input(1, 'a')] });
    expect([unexpected.status, unexpected.reason]).toEqual([
      'failed',
      'unexpected KsqlStatementError: boom: …',
    ]);
  });

  it('counts KsqlUnsupportedError as unsupported, even when a bare exception type was expected', async () => {
    const r = await run({ statements: ['NOPE'], inputs: [input(1, 'a')] });
    expect([r.status, r.reason]).toEqual(['unsupported', 'unsupported: joins']);
    const wrapped = await run({ statements: ['WRAPPED'], inputs: [input(1, 'a')] });
    expect([wrapped.status, wrapped.reason]).toEqual(['unsupported', 'unsupported: windows']);
    const typed = await run({
      statements: ['NOPE'],
      expectedException: { type: 'io.confluent.ksql.util.KsqlStatementException' },
    });
    expect(typed.status).toBe('unsupported');
  });

  it('checks post conditions on sources and topics', async () => {
    const post = (p: unknown) =>
      run({ inputs: [input(1, 'a')], outputs: [{ topic: 'OUT', key: 1, value: 'a' }], post: p });
    expect(
      (
        await post({
          sources: [
            { name: 'OUT', type: 'stream', valueFormat: 'DELIMITED', keyFormat: { format: 'KAFKA' } },
          ],
        })
      ).status,
    ).toBe('passed');
    const wrong = await post({ sources: [{ name: 'OUT', valueFormat: 'JSON' }] });
    expect([wrong.reason, wrong.detail]).toEqual([
      'post-condition failed',
      'source OUT: expected value format JSON but was DELIMITED',
    ]);
    expect(
      (await post({ topics: { blacklist: '.*-repartition', topics: [{ name: 'OUT', partitions: 1 }] } }))
        .status,
    ).toBe('passed');
    expect((await post({ topics: { blacklist: 'O.T' } })).detail).toContain('blacklist');
    expect((await post({ sources: [{ name: 'MISSING' }] })).detail).toContain(
      'source MISSING does not exist',
    );
  });

  it('fails a run that never settles instead of hanging', async () => {
    const file = parseQttFile(
      '/q/t.json',
      JSON.stringify({ tests: [{ name: 'h', statements: ['HANG'], inputs: [input(1, 'a')] }] }),
    );
    const r = await runQttCase(expandFile(file)[0]!, fakeModules(), 't.json', 50);
    expect([r.status, r.reason]).toEqual(['failed', 'timeout']);
  });

  it('counts REST cases as unsupported', async () => {
    const r = await run({ responses: [], inputs: [input(1, 'a')] });
    expect([r.status, r.reason]).toEqual(['unsupported', 'unsupported: REST']);
  });
});
