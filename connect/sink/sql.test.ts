import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../common/errors.ts';
import { insertSql, quoteIdentifier, updateSql, upsertSql, type TableShape } from './sql.ts';

const stats: TableShape = {
  table: 'realtime_stats',
  keyColumns: ['WINDOW_START'],
  valueColumns: ['WINDOW_END', 'ORDER_COUNT'],
};

describe('statement text (Postgres dialect)', () => {
  it('upserts several rows with ON CONFLICT on the key columns, updating the others from EXCLUDED', () => {
    expect(upsertSql(stats, 2)).toBe(
      'INSERT INTO realtime_stats (WINDOW_START,WINDOW_END,ORDER_COUNT) VALUES ($1,$2,$3),($4,$5,$6) ' +
        'ON CONFLICT (WINDOW_START) DO UPDATE SET WINDOW_END=EXCLUDED.WINDOW_END,ORDER_COUNT=EXCLUDED.ORDER_COUNT',
    );
  });

  it('does nothing on conflict when every column is a key column', () => {
    expect(upsertSql({ table: 't', keyColumns: ['A', 'B'], valueColumns: [] }, 1)).toBe(
      'INSERT INTO t (A,B) VALUES ($1,$2) ON CONFLICT (A,B) DO NOTHING',
    );
  });

  it('inserts without a conflict clause', () => {
    expect(insertSql(stats, 1)).toBe(
      'INSERT INTO realtime_stats (WINDOW_START,WINDOW_END,ORDER_COUNT) VALUES ($1,$2,$3)',
    );
  });

  it('updates one row by its key', () => {
    expect(updateSql(stats)).toBe(
      'UPDATE realtime_stats SET WINDOW_END = $1, ORDER_COUNT = $2 WHERE WINDOW_START = $3',
    );
  });
});

describe('quoteIdentifier', () => {
  it('quote.sql.identifiers=never writes names as they are (Postgres folds them to lower case)', () => {
    expect(quoteIdentifier('WINDOW_START', false)).toBe('WINDOW_START');
    expect(quoteIdentifier('analytics.popular_products', false)).toBe('analytics.popular_products');
  });

  it('quote.sql.identifiers=always quotes each part, keeping the case', () => {
    expect(quoteIdentifier('WINDOW_START', true)).toBe('"WINDOW_START"');
    expect(quoteIdentifier('a.B"c', true)).toBe('"a"."B""c"');
  });

  it('refuses a name that cannot be written unquoted', () => {
    expect(() => quoteIdentifier('popular-products', false)).toThrow(ConfigError);
  });
});
