import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QTT_ROOT } from './qtt-paths.ts';
import { parseSqlTestFile, SqlTestFormatError, stripComments } from './sql-test-parser.ts';

/** A naive splitter (on `;` outside quotes) standing in for the engine parser's. */
function split(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const c of stripComments(sql)) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '`') quote = c;
    else if (c === ';') {
      out.push(`${cur};`);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

describe('SQL test file parser', () => {
  it('splits tests at --@test: and reads expected.error/message, ignoring ---- lines and unknown directives', () => {
    const tests = parseSqlTestFile(
      'x.sql',
      [
        '-- header comment',
        '--------',
        '--@test: first one',
        '--------',
        "CREATE STREAM a (id INT KEY) WITH (kafka_topic='a;b', value_format='JSON');",
        '--@other: ignored',
        'INSERT INTO a (id) VALUES (1);',
        '',
        '--@test: second',
        '',
        '--@expected.error: io.confluent.ksql.util.KsqlException',
        '--@expected.message:   Expected schema does not match  ',
        'ASSERT STREAM a (id INT KEY);',
      ].join('\n'),
      split,
    );
    expect(tests).toEqual([
      {
        name: 'first one',
        line: 3,
        statements: [
          "CREATE STREAM a (id INT KEY) WITH (kafka_topic='a;b', value_format='JSON');",
          'INSERT INTO a (id) VALUES (1);',
        ],
      },
      {
        name: 'second',
        line: 9,
        expectedError: 'io.confluent.ksql.util.KsqlException',
        expectedMessage: 'Expected schema does not match',
        statements: ['ASSERT STREAM a (id INT KEY);'],
      },
    ]);
  });

  it('rejects statements before the first --@test:', () => {
    expect(() =>
      parseSqlTestFile(
        'y.sql',
        "-- ok\nCREATE STREAM a (id INT) WITH (kafka_topic='a');\n--@test: t\n",
        split,
      ),
    ).toThrow(SqlTestFormatError);
  });

  it('finds the 29 tests of sql-tests/test.sql with their expectations', async () => {
    const text = await readFile(join(QTT_ROOT, 'sql-tests/test.sql'), 'utf8');
    const tests = parseSqlTestFile('test.sql', text, split);
    expect(tests).toHaveLength(29);
    const bad = tests.find((t) => t.name === 'bad assert statement should fail');
    expect(bad?.expectedError).toBe('java.lang.AssertionError');
    expect(bad?.expectedMessage).toBe('Expected record does not match actual');
    expect(bad?.statements).toHaveLength(4);
    expect(tests.find((t) => t.name === 'basic test with run script')?.statements[0]).toBe(
      "RUN SCRIPT '/test-script.sql';",
    );
  });
});
