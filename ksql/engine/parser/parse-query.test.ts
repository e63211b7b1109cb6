import { describe, expect, it } from 'vitest';
import { KsqlParseError } from '../errors.ts';
import { parseStatement } from './index.ts';
import { bin, col, int, sameStatement, stripLocations } from './test-support.ts';

const query = (sql: string): unknown => (stripLocations(sameStatement(sql)) as { query: unknown }).query;

describe('SELECT queries', () => {
  it('pull and push queries, EMIT CHANGES|FINAL, LIMIT', () => {
    expect(query("SELECT * FROM t WHERE k = 'a';")).toEqual({
      kind: 'Query',
      select: [{ kind: 'AllColumns' }],
      from: { kind: 'Table', name: { name: 'T', quoted: false } },
      where: {
        kind: 'Comparison',
        operator: '=',
        left: col('K'),
        right: { kind: 'StringLiteral', value: 'a' },
      },
    });
    expect(query('select s.*, x from s emit changes limit 10;')).toMatchObject({
      select: [{ kind: 'AllColumns', source: { name: 'S' } }, { kind: 'SingleColumn' }],
      emit: 'CHANGES',
      limit: 10,
    });
    expect(query('SELECT x FROM s EMIT FINAL')).toMatchObject({ emit: 'FINAL' });
  });

  it('aliases with and without AS, on columns and sources', () => {
    expect(query('SELECT a AS x, b y, c `Z` FROM s AS l')).toMatchObject({
      select: [{ alias: { name: 'X' } }, { alias: { name: 'Y' } }, { alias: { name: 'Z', quoted: true } }],
      from: { alias: { name: 'L' } },
    });
    expect(query('SELECT a FROM s l PARTITION BY a')).toMatchObject({
      from: { alias: { name: 'L' } },
      partitionBy: [col('A')],
    });
    expect(query('SELECT a FROM s PARTITION BY a EMIT CHANGES')).toMatchObject({
      from: { kind: 'Table' },
      emit: 'CHANGES',
    });
  });

  it('GROUP BY and PARTITION BY lists, with or without parentheses', () => {
    for (const sql of [
      'SELECT a FROM s GROUP BY a, b + 1',
      'SELECT a FROM s GROUP BY (a, b + 1)',
      'select a from s group by a,(b+1)',
    ]) {
      expect(query(sql)).toMatchObject({ groupBy: [col('A'), bin('+', col('B'), int('1'))] });
    }
    expect(query('SELECT * FROM INPUT PARTITION BY (NAME IS NULL)')).toMatchObject({
      partitionBy: [{ kind: 'IsNull', negated: false, operand: col('NAME') }],
    });
    expect(query('SELECT a FROM s GROUP BY ()')).toMatchObject({ groupBy: [] });
  });

  it('windows: tumbling, hopping, session; units singular or plural; optional window name', () => {
    expect(
      query(
        'SELECT a FROM s WINDOW TUMBLING (SIZE 1 HOUR, RETENTION 2 DAYS, GRACE PERIOD 10 MILLISECONDS) GROUP BY a',
      ),
    ).toMatchObject({
      window: {
        kind: 'Tumbling',
        size: { value: 1, unit: 'HOURS' },
        retention: { value: 2, unit: 'DAYS' },
        grace: { value: 10, unit: 'MILLISECONDS' },
      },
    });
    expect(
      query('SELECT a FROM s WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECOND) GROUP BY a'),
    ).toMatchObject({
      window: {
        kind: 'Hopping',
        size: { value: 30, unit: 'SECONDS' },
        advance: { value: 10, unit: 'SECONDS' },
      },
    });
    expect(
      query('SELECT a FROM s WINDOW w SESSION (1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY a'),
    ).toMatchObject({
      window: { kind: 'Session', gap: { value: 1, unit: 'MINUTES' }, grace: { value: 0, unit: 'SECONDS' } },
    });
    expect(
      query(
        'SELECT a FROM s WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 1 SECOND, RETENTION 1 DAY) GROUP BY a',
      ),
    ).toMatchObject({
      window: { retention: { value: 1, unit: 'DAYS' }, grace: { value: 1, unit: 'SECONDS' } },
    });
  });

  it('joins: types, WITHIN, chains (parsed; the planner rejects them)', () => {
    expect(query('SELECT * FROM a JOIN b WITHIN 1 MINUTE ON a.id = b.id')).toMatchObject({
      from: {
        kind: 'Join',
        type: 'INNER',
        left: { name: { name: 'A' } },
        right: { name: { name: 'B' } },
        within: { before: { value: 1, unit: 'MINUTES' }, after: { value: 1, unit: 'MINUTES' } },
      },
    });
    expect(
      query(
        'SELECT * FROM a l LEFT OUTER JOIN b r WITHIN (1 SECOND, 2 HOURS) GRACE PERIOD 3 SECONDS ON l.id = r.id FULL JOIN c ON c.id = l.id',
      ),
    ).toMatchObject({
      from: {
        type: 'FULL',
        left: {
          type: 'LEFT',
          within: { after: { value: 2, unit: 'HOURS' }, grace: { value: 3, unit: 'SECONDS' } },
        },
      },
    });
    expect(query('SELECT * FROM a RIGHT JOIN b ON a.x = b.x')).toMatchObject({ from: { type: 'RIGHT' } });
  });

  it('clauses must come in grammar order', () => {
    expect(() => parseStatement('SELECT a FROM s GROUP BY a WHERE a > 1')).toThrow(KsqlParseError);
  });
});
