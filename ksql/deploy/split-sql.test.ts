import { describe, expect, it } from 'vitest';
import { DeployError } from './errors.ts';
import { splitSql } from './split-sql.ts';

describe('splitSql (ksql-migrations CommandParser.splitSql)', () => {
  it('splits on semicolons outside strings and drops comments, keeping start lines', () => {
    const sql = [
      '-- header comment; with a semicolon',
      "CREATE STREAM A (X STRING) WITH (KAFKA_TOPIC='a;b', VALUE_FORMAT='JSON');",
      '/* block; comment */',
      '',
      "INSERT INTO A (X) VALUES ('it''s');",
    ].join('\n');
    expect(splitSql(sql, 'V000001__a.sql')).toEqual([
      { sql: "CREATE STREAM A (X STRING) WITH (KAFKA_TOPIC='a;b', VALUE_FORMAT='JSON');", line: 2 },
      { sql: "INSERT INTO A (X) VALUES ('it''s');", line: 5 },
    ]);
  });

  it('rejects text after the last semicolon, naming file and line', () => {
    expect(() => splitSql('SELECT 1;\n\nCREATE STREAM B', 'V000002__b.sql')).toThrowError(
      new DeployError('V000002__b.sql:3: statement without a terminating semicolon: CREATE STREAM B', {
        file: 'V000002__b.sql',
        line: 3,
        retriable: false,
      }),
    );
  });

  it('rejects an unclosed string', () => {
    expect(() => splitSql("SELECT 'abc;", 'f.sql')).toThrow(/no closing '/);
  });
});
