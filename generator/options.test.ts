import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../common/errors.ts';
import { fromNpmConfig } from './npm-config.ts';
import { resolveOptions } from './options.ts';

const noNpm = () => undefined;

describe('option resolution', () => {
  it('has defaults: baseline at 1000/s to the test services, realtime pacing to Kafka', () => {
    const o = resolveOptions({}, [], {}, noNpm);
    expect(o).toMatchObject({
      rate: 1000,
      durationS: undefined,
      count: undefined,
      scenarios: ['baseline'],
      seed: undefined,
      bootstrapServer: '127.0.0.1:19092',
      schemaRegistry: 'http://127.0.0.1:18081/apis/ccompat/v7',
      topic: 'orders',
      truthTopic: 'orders_truth',
      dryRun: false,
      partitions: 6,
      pace: 'realtime',
    });
    expect(resolveOptions({ dryRun: true }, [], {}, noNpm).pace).toBe('none');
  });

  it('takes flags over npm config over environment variables over defaults', () => {
    const env = {
      GENERATOR_RATE: '30',
      npm_config_rate: '20',
      GENERATOR_SEED: 'env-seed',
      KAFKA_BOOTSTRAP_SERVERS: 'k:1',
    };
    expect(resolveOptions({ rate: '10' }, [], env, noNpm).rate).toBe(10);
    expect(resolveOptions({}, [], env, noNpm).rate).toBe(20);
    expect(resolveOptions({}, [], { GENERATOR_RATE: '30' }, noNpm).rate).toBe(30);
    expect(resolveOptions({}, [], env, noNpm).seed).toBe('env-seed');
    expect(resolveOptions({}, [], env, noNpm).bootstrapServer).toBe('k:1');
  });

  it('parses every flag', () => {
    const o = resolveOptions(
      {
        rate: '2.5',
        duration: '90',
        count: '1000',
        scenario: 'baseline,macro-bot,slow-drip',
        seed: '42',
        bootstrapServer: 'a:9092,b:9093',
        schemaRegistry: 'http://r:8081/apis/ccompat/v7/',
        topic: 'o2',
        truthTopic: 'none',
        truthFile: 't.jsonl',
        out: 'o.jsonl',
        partitions: '3',
        startTime: '2026-01-01T00:00:00Z',
      },
      [],
      {},
      noNpm,
    );
    expect(o).toMatchObject({
      rate: 2.5,
      durationS: 90,
      count: 1000,
      scenarios: ['baseline', 'macro-bot', 'slow-drip'],
      seed: '42',
      bootstrapServer: 'a:9092,b:9093',
      schemaRegistry: 'http://r:8081/apis/ccompat/v7',
      topic: 'o2',
      truthTopic: '',
      truthFile: 't.jsonl',
      out: 'o.jsonl',
      partitions: 3,
      startTime: Date.UTC(2026, 0, 1),
      pace: 'none',
    });
    expect(resolveOptions({ scenario: 'all' }, [], {}, noNpm).scenarios).toHaveLength(7);
    expect(resolveOptions({ startTime: '1767225600000' }, [], {}, noNpm).startTime).toBe(1767225600000);
  });

  it.each([
    [{ rate: 'abc' }, /invalid --rate "abc"/],
    [{ rate: '0' }, /invalid --rate/],
    [{ rate: '-5' }, /invalid --rate/],
    [{ count: '1.5' }, /invalid --count/],
    [{ duration: '' }, /invalid --duration/],
    [{ scenario: 'baseline,nope' }, /invalid --scenario/],
    [{ bootstrapServer: 'no-port' }, /invalid --bootstrap-server/],
    [{ schemaRegistry: 'ftp://x' }, /invalid --schema-registry/],
    [{ topic: 'bad topic' }, /invalid --topic/],
    [{ partitions: '0' }, /invalid --partitions/],
    [{ startTime: 'yesterday' }, /invalid --start-time/],
    [{ pace: 'fast' }, /invalid --pace/],
    [{ out: 'x', dryRun: true }, /exclude each other/],
  ])('rejects %j with a one-line usage error (exit 2)', (flags, message) => {
    let err: unknown;
    try {
      resolveOptions(flags, [], {}, noNpm);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect((err as UsageError).message).toMatch(message);
    expect((err as UsageError).message).not.toContain('\n');
    expect((err as UsageError).hint).toMatch(/^usage: npm run generate/);
  });

  it('also validates environment values', () => {
    expect(() => resolveOptions({}, [], { GENERATOR_RATE: 'fast' }, noNpm)).toThrow(/invalid --rate "fast"/);
  });
});

describe('npm config form: npm run generate --rate 10000', () => {
  const flags = [
    { name: 'rate', boolean: false, accepts: (r: string) => Number(r) > 0 },
    { name: 'seed', boolean: false, accepts: (r: string) => r !== '' },
    { name: 'dry-run', boolean: true },
    { name: 'scenario', boolean: false, accepts: (r: string) => /^[a-z,-]+$/.test(r) },
  ];

  it('reads --flag=value from npm_config_*', () => {
    const r = fromNpmConfig({ npm_config_rate: '500', npm_config_dry_run: 'true' }, [], flags, noNpm);
    expect(Object.fromEntries(r.values)).toEqual({ rate: '500', 'dry-run': 'true' });
  });

  it('pairs values npm split off with their flags from the npm command line', () => {
    const argv = [
      'node',
      '/usr/lib/node_modules/npm/bin/npm-cli.js',
      'run',
      'generate',
      '--seed',
      '7',
      '--rate',
      '10000',
      '--dry-run',
    ];
    const r = fromNpmConfig(
      { npm_config_rate: 'true', npm_config_seed: 'true', npm_config_dry_run: 'true' },
      ['7', '10000'],
      flags,
      () => argv,
    );
    expect(Object.fromEntries(r.values)).toEqual({ rate: '10000', seed: '7', 'dry-run': 'true' });
    expect(r.rest).toEqual([]);
  });

  it("without npm's log, pairs values only where there is one way to do it", () => {
    expect(fromNpmConfig({ npm_config_rate: 'true' }, ['300'], flags, noNpm).values.get('rate')).toBe('300');
    const typed = fromNpmConfig(
      { npm_config_rate: 'true', npm_config_scenario: 'true' },
      ['macro-bot', '300'],
      flags,
      noNpm,
    );
    expect(Object.fromEntries(typed.values)).toEqual({ rate: '300', scenario: 'macro-bot' });
    expect(() =>
      fromNpmConfig({ npm_config_rate: 'true', npm_config_seed: 'true' }, ['1', '2'], flags, noNpm),
    ).toThrow(/cannot tell which argument is the value of --rate/);
  });

  it('reads --no-x as false', () => {
    expect(resolveOptions({}, [], { npm_config_dry_run: '' }, noNpm).dryRun).toBe(false);
  });

  it('works end to end with the installed npm (spawns `npm run generate --rate 500 ...`)', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && !k.startsWith('GENERATOR_')),
    );
    const res = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'generate',
        '--rate',
        '500',
        '--count',
        '300',
        '--seed',
        'npm-form',
        '--scenario',
        'baseline,macro-bot',
        '--dry-run',
      ],
      { cwd: new URL('..', import.meta.url), env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(res.stderr).not.toMatch(/^error/m);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(
      /^generated: 300 orders in [\d.]+ s, achieved \d+ orders\/s \(target 500\), p99 produce latency 0 ms, errors 0$/m,
    );
  });
});
