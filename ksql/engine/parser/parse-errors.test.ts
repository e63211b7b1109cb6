import { describe, expect, it } from 'vitest';
import { KsqlParseError } from '../errors.ts';
import { parseStatements } from './index.ts';

function errorOf(sql: string): KsqlParseError {
  try {
    parseStatements(sql);
  } catch (e) {
    if (e instanceof KsqlParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${sql}`);
}

// Messages as QTT's ParseFailedException cases check them (substring match).
describe('syntax errors in ksqlDB wording', () => {
  it('key-schemas.json: a type parameter that is not STRING or an integer', () => {
    const sql = "CREATE STREAM INPUT (K INT (KEY)) WITH (kafka_topic='input',value_format='JSON');";
    const e = errorOf(sql);
    expect(e.message).toContain(
      `line 1:29: Syntax Error\nExpecting {'STRING', INTEGER_VALUE}\nStatement: ${sql}`,
    );
    expect([e.line, e.column, e.expected]).toEqual([1, 29, ["'STRING'", 'INTEGER_VALUE']]);
  });

  it("key-schemas.json: VARCHAR(STRING) (KEY) expects ',' or ')'", () => {
    const sql =
      "CREATE STREAM INPUT (K VARCHAR(STRING) (KEY)) WITH (kafka_topic='input',value_format='JSON');";
    expect(errorOf(sql).message).toContain(
      `line 1:40: Syntax Error\nExpecting {',', ')'}\nStatement: ${sql}`,
    );
  });

  it("group-by.json: a tuple in GROUP BY is a missing ')'", () => {
    const e = errorOf(
      "CREATE STREAM T (ID INT KEY) WITH (kafka_topic='t');\nCREATE TABLE OUTPUT AS SELECT f1, f2, COUNT(*) FROM TEST GROUP BY f3, (f2, f1);",
    );
    expect(e.message).toContain("line 2:74: Syntax Error\nmissing ')' at ','");
  });

  it('cast.json / null.json: a reserved word where a type is expected', () => {
    const e = errorOf(
      "CREATE STREAM T (ID STRING KEY) WITH (kafka_topic='t');\nCREATE STREAM OUTPUT AS SELECT ID, cast(f0 as NULL) FROM TEST;",
    );
    expect(e.message).toContain("Syntax error at or near 'NULL' at line 2:47");
    expect(e.message).toContain('Syntax Error');
    expect(
      errorOf("CREATE STREAM INPUT (ID INT KEY, COL0 ARRAY<NULL>) WITH (kafka_topic='t');").message,
    ).toContain('Syntax Error');
  });

  it('in.json / group-by.json: empty IN list, trailing tokens', () => {
    expect(errorOf('SELECT * FROM INPUT WHERE ID IN ( );').message).toContain('Syntax Error');
    expect(
      errorOf('CREATE TABLE OUTPUT AS SELECT COUNT(*) FROM TEST GROUP BY DATA AND ID;').message,
    ).toContain('Syntax Error');
  });

  it('literals.json: out-of-range numeric literals fail while parsing', () => {
    const overflow = errorOf(
      "CREATE STREAM I (K STRING KEY) WITH (kafka_topic='i');\nCREATE STREAM OUTPUT AS select K, id, 9223372036854775808 FROM INPUT;",
    );
    expect(overflow.message).toContain(
      'Failed to prepare statement: line 2:40: Invalid numeric literal: 9223372036854775808',
    );
    expect(errorOf('SELECT -9223372036854775809 FROM i;').message).toContain(
      'Invalid numeric literal: -9223372036854775809',
    );
    expect(errorOf('SELECT 1.7976931348623159E308 FROM i;').message).toContain(
      'Number overflows DOUBLE: 1.7976931348623159E308',
    );
    expect(errorOf('SELECT -1.7976931348623160E308 FROM i;').message).toContain(
      'Number overflows DOUBLE: -1.7976931348623160E308',
    );
  });

  it('reports the position of an error at the end of input', () => {
    const e = errorOf('SELECT * FROM');
    expect([e.line, e.column]).toEqual([1, 14]);
    expect(e.message).toContain("mismatched input '<EOF>'");
  });

  it('AST-stage errors carry "Failed to prepare statement:" like ksqlDB (DefaultKsqlParser.prepare)', () => {
    expect(errorOf("INSERT INTO TEST (K, ID) VALUES (FOO.bar, '10');").message).toContain(
      "Failed to prepare statement: 'FOO' is not a valid stream/table name or alias.",
    );
    expect(errorOf('CREATE STREAM OUTPUT as SELECT K, unknown.* FROM INPUT i;').message).toContain(
      "'UNKNOWN' is not a valid stream/table name or alias.",
    );
    // Like ksqlDB's SourceAccumulator, both a source's name and its alias are known qualifiers.
    expect(parseStatements('SELECT * FROM a x JOIN b y ON x.k = b.k WHERE a.v > 1;')).toHaveLength(1);
    expect(errorOf('SELECT * FROM a x JOIN b y ON x.k = c.k;').message).toContain("'C' is not a valid");
    expect(errorOf("SELECT * FROM a WHERE s LIKE 'x' ESCAPE 'ab';").message).toContain(
      'Line: 1, Col: 41: Expected single character escape but got: ab',
    );
  });

  it('an undefined ${variable} is rejected where it stands', () => {
    expect(errorOf('SELECT ${x} FROM t;').message).toContain(
      "Illegal argument at Line: 1, Col: 8. Got: '${x}'",
    );
    expect(errorOf('SELECT * FROM ${x};').message).toContain(
      "Illegal argument at Line: 1, Col: 15. Identifier names cannot start with '@'",
    );
  });

  it('source names must be valid store names (ParserUtil.getSourceName)', () => {
    expect(errorOf('DROP STREAM `my stream`;').message).toContain(
      "Illegal argument at Line: 1, Col: 13. Source names may only contain alphanumeric values, '_' or '-'. Got: 'my stream'",
    );
    expect(parseStatements('DROP STREAM `my-Stream`;')).toHaveLength(1);
  });

  it('explains a reserved word used as an identifier', () => {
    expect(errorOf("CREATE STREAM s (size INT) WITH (kafka_topic='s');").message).toContain(
      "line 1:18: Syntax Error\nSyntax error at or near 'size' at line 1:18\n\"SIZE\" is a reserved keyword and it can't be used as an identifier. You can use it as an identifier by escaping it as `SIZE`",
    );
    expect(
      parseStatements("CREATE STREAM s (`size` INT, key INT KEY, value STRING) WITH (kafka_topic='s');"),
    ).toHaveLength(1);
  });
});
