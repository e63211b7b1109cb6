import { describe, expect, it } from 'vitest';
import { cast, call, col, evalExpr, int, prim, str, typeOf } from '../../expression/test-support.ts';
import { compileExpression } from '../../expression/compile-expression.ts';
import { recordScope } from '../../expression/test-support.ts';
import * as T from '../../types/sql-type.ts';
import type { Expression } from '../../parser/ast.ts';

const iso = (s: string) => Date.parse(s);

describe('time functions', () => {
  it('FROM_UNIXTIME and UNIX_TIMESTAMP (unix-timestamp.json)', () => {
    expect(typeOf(call('FROM_UNIXTIME', col('W')), { W: T.BIGINT })).toEqual(T.TIMESTAMP);
    expect(evalExpr(call('FROM_UNIXTIME', col('W')), { W: T.BIGINT }, { W: 1581323504000n })).toBe(
      1581323504000,
    );
    expect(evalExpr(call('UNIX_TIMESTAMP', col('T')), { T: T.TIMESTAMP }, { T: 1589234313000 })).toBe(
      1589234313000n,
    );
    const now = compileExpression(call('UNIX_TIMESTAMP'), recordScope({}), {
      functionContext: { defaultTimeZone: 'UTC', now: () => 1234 },
    });
    expect(now.evaluate({})).toBe(1234n);
  });

  it.each([
    [
      'TIMESTAMPTOSTRING',
      T.BIGINT,
      1526075913000n,
      'yyyy-MM-dd HH:mm:ss zzz',
      'America/Los_Angeles',
      '2018-05-11 14:58:33 PDT',
    ],
    [
      'TIMESTAMPTOSTRING',
      T.BIGINT,
      1526075913000n,
      'yyyy-MM-dd HH:mm:ss zzz',
      'Europe/London',
      '2018-05-11 22:58:33 BST',
    ],
    [
      'FORMAT_TIMESTAMP',
      T.TIMESTAMP,
      1526075913000,
      'yyyy-MM-dd HH:mm:ss zzz',
      'America/Los_Angeles',
      '2018-05-11 14:58:33 PDT',
    ],
    ['FORMAT_TIMESTAMP', T.TIMESTAMP, 1526075913000, 'yyyy-MM-dd HH:mm:ss', undefined, '2018-05-11 21:58:33'],
    [
      'FORMAT_TIMESTAMP',
      T.TIMESTAMP,
      1526075913123,
      "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
      'Asia/Seoul',
      '2018-05-12T06:58:33.123+09:00',
    ],
    ['FORMAT_TIMESTAMP', T.TIMESTAMP, 1526075913123, 'EEE MMM d h:mm a Z', 'UTC', 'Fri May 11 9:58 PM +0000'],
  ])('%s %# with %s', (fn, type, v, fmt, tz, expected) => {
    const args: Expression[] = [col('V'), str(fmt)];
    if (tz) args.push(str(tz));
    expect(evalExpr(call(fn, ...args), { V: type }, { V: v })).toBe(expected);
  });

  it.each([
    ['STRINGTOTIMESTAMP', '2018-05-11T21:58:33Z', "yyyy-MM-dd'T'HH:mm:ssX", 1526075913000n],
    ['STRINGTOTIMESTAMP', '2020-05-11T21:58:33z', "yyyy-MM-dd'T'HH:mm:ssX", 1589234313000n],
    ['STRINGTOTIMESTAMP', '2019-08-27T13:31:09.2+0000', "yyyy-MM-dd'T'HH:mm:ss.SX", 1566912669200n],
    ['PARSE_TIMESTAMP', '2018-05-11T21:58:33', "yyyy-MM-dd'T'HH:mm:ss", 1526075913000],
    ['PARSE_TIMESTAMP', '2018-05-11T21:58:33 PST', "yyyy-MM-dd'T'HH:mm:ss zzz", 1526101113000],
    ['PARSE_TIMESTAMP', '2019-05-11T21:58:33 PST', "yyyy-MM-dd'T'HH:mm:ss zzz", 1557637113000],
    ['PARSE_DATE', '2003-12-24', 'yyyy-MM-dd', 12410],
    ['PARSE_DATE', '2004-01-01', 'yyyy-MM-dd', 12418],
    ['PARSE_DATE', '2004', 'yyyy-MM-dd', null],
    ['PARSE_DATE', '2003-12-24-01-01', 'yyyy-MM-dd', 12410],
    ['PARSE_DATE', 'abcd', 'yyyy-MM-dd', null],
    ['PARSE_TIME', '10:11:12', 'HH:mm:ss', 36672000],
  ])('%s(%s, %s)', (fn, text, fmt, expected) => {
    expect(evalExpr(call(fn, str(text), str(fmt)))).toBe(expected);
  });

  it('PARSE_DATE errors become NULL inside CAST and IFNULL (cast.json)', () => {
    const e = call(
      'IFNULL',
      cast(call('PARSE_DATE', col('F0'), str('yyyy-MM-dd')), prim('STRING')),
      str('1900-01-01'),
    );
    const run = (f0: string | null) => evalExpr(e, { F0: T.STRING }, { F0: f0 });
    expect([run('2022-02-02'), run(null), run('abcd')]).toEqual(['2022-02-02', '1900-01-01', '1900-01-01']);
  });

  it('FORMAT_DATE / FORMAT_TIME / date arithmetic / CONVERT_TZ', () => {
    expect(evalExpr(call('FORMAT_DATE', col('D'), str('dd/MM/yyyy')), { D: T.DATE }, { D: 12410 })).toBe(
      '24/12/2003',
    );
    expect(evalExpr(call('FORMAT_TIME', col('X'), str('HH:mm')), { X: T.TIME }, { X: 36672000 })).toBe(
      '10:11',
    );
    const ts = { T: T.TIMESTAMP };
    expect(
      evalExpr(
        call(
          'TIMESTAMPADD',
          { kind: 'IntervalUnit', unit: 'SECONDS', loc: { line: 1, column: 1 } },
          int(5),
          col('T'),
        ),
        ts,
        {
          T: 1000,
        },
      ),
    ).toBe(6000);
    expect(evalExpr(call('DATEADD', str('DAYS'), int(2), col('D')), { D: T.DATE }, { D: 10 })).toBe(12);
    expect(
      evalExpr(call('CONVERT_TZ', col('T'), str('UTC'), str('America/Los_Angeles')), ts, {
        T: iso('2018-05-11T21:58:33Z'),
      }),
    ).toBe(iso('2018-05-11T14:58:33Z'));
    expect(
      evalExpr(call('FORMAT_TIMESTAMP', col('T'), str('yyyy'), str('Not/AZone')), ts, { T: 0 }),
    ).toBeNull();
  });
});

describe('wall-clock resolution like ZonedDateTime.of', () => {
  it('moves a time in a spring-forward gap forward, picks the earlier offset in an overlap', () => {
    const p = (s: string) =>
      evalExpr(call('PARSE_TIMESTAMP', str(s), str('yyyy-MM-dd HH:mm'), str('America/New_York')));
    expect(p('2021-03-14 02:30')).toBe(iso('2021-03-14T07:30:00Z'));
    expect(p('2021-11-07 01:30')).toBe(iso('2021-11-07T05:30:00Z'));
    expect(p('2021-07-01 12:00')).toBe(iso('2021-07-01T16:00:00Z'));
  });
});
