import { describe, expect, it } from 'vitest';
import { KsqlParseError } from '../errors.ts';
import {
  parseStatement,
  parseStatementSource,
  parseStatements,
  parseTableElements,
  parseType,
  splitStatements,
} from './index.ts';
import { col, int, sameStatement, str, stripLocations } from './test-support.ts';

describe('CREATE STREAM / TABLE', () => {
  it('elements with constraints, WITH properties keeping literal kinds', () => {
    const s = sameStatement(
      "CREATE STREAM s (id INT KEY, `Foo` VARCHAR, h BYTES HEADER('k'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS) WITH (kafka_topic='t', partitions=2);",
      "create stream S (ID int key, `Foo` string, H bytes header('k'), HS array<struct<KEY string, VALUE bytes>> headers)\n  with (KAFKA_TOPIC = 't', 'partitions' = 2)",
    );
    expect(stripLocations(s)).toMatchObject({
      kind: 'CreateSource',
      sourceType: 'STREAM',
      name: { name: 'S', quoted: false },
      orReplace: false,
      ifNotExists: false,
      isSource: false,
      elements: [
        { name: { name: 'ID' }, type: { kind: 'Primitive', name: 'INT' }, constraint: 'KEY' },
        {
          name: { name: 'Foo', quoted: true },
          type: { kind: 'Primitive', name: 'STRING' },
          constraint: undefined,
        },
        { name: { name: 'H' }, constraint: { header: 'k' } },
        { name: { name: 'HS' }, constraint: 'HEADERS' },
      ],
      properties: [
        { name: 'KAFKA_TOPIC', value: { kind: 'StringLiteral', value: 't' } },
        { name: 'PARTITIONS', value: { kind: 'IntegerLiteral', text: '2' } },
      ],
    });
  });

  it('OR REPLACE, SOURCE, IF NOT EXISTS, PRIMARY KEY, no elements', () => {
    expect(
      sameStatement(
        "CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS t (k STRING PRIMARY KEY) WITH (kafka_topic='t');",
      ),
    ).toMatchObject({
      kind: 'CreateSource',
      sourceType: 'TABLE',
      orReplace: true,
      isSource: true,
      ifNotExists: true,
    });
    expect(sameStatement("CREATE TABLE t WITH (kafka_topic='t', format='AVRO');")).toMatchObject({
      elements: [],
    });
  });

  it('C*AS with properties, window, GROUP BY, HAVING, EMIT', () => {
    const s = sameStatement(
      "CREATE TABLE agg WITH (kafka_topic='out') AS SELECT id, COUNT(*) AS cnt FROM s WINDOW TUMBLING (SIZE 30 SECONDS, GRACE PERIOD 1 MINUTE) WHERE x > 0 GROUP BY id HAVING COUNT(*) > 1 EMIT CHANGES;",
      "create table AGG with (KAFKA_TOPIC='out') as select ID, count(*) cnt from S window tumbling (size 30 second, grace period 1 minutes) where X > 0 group by (ID) having count(*) > 1 emit changes",
    );
    expect(stripLocations(s)).toMatchObject({
      kind: 'CreateAsSelect',
      sourceType: 'TABLE',
      name: { name: 'AGG' },
      query: {
        select: [
          { kind: 'SingleColumn', expression: col('ID') },
          { kind: 'SingleColumn', alias: { name: 'CNT' } },
        ],
        from: { kind: 'Table', name: { name: 'S' } },
        window: {
          kind: 'Tumbling',
          size: { value: 30, unit: 'SECONDS' },
          grace: { value: 1, unit: 'MINUTES' },
        },
        groupBy: [col('ID')],
        emit: 'CHANGES',
      },
    });
  });

  it('rejects KEY on tables and PRIMARY KEY on streams as ksqlDB does (elements.json)', () => {
    expect(() =>
      parseStatement("CREATE TABLE INPUT (ID INT KEY, NAME STRING) WITH (kafka_topic='input');"),
    ).toThrow("Line: 1, Col: 21: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
    expect(() =>
      parseStatement("CREATE STREAM INPUT (ID INT PRIMARY KEY) WITH (kafka_topic='input');"),
    ).toThrow("Line: 1, Col: 22: Column `ID` is a 'PRIMARY KEY' column: please use 'KEY' for streams.");
  });

  it('validates WINDOW_TYPE / WINDOW_SIZE of windowed sources', () => {
    expect(() =>
      parseStatement(
        "CREATE TABLE T (K STRING PRIMARY KEY) WITH (kafka_topic='t', WINDOW_TYPE='Hopping', WINDOW_SIZE='30 bobs');",
      ),
    ).toThrow("Configuration WINDOW_SIZE is invalid: Invalid duration: '30 bobs'. Unknown time unit: 'BOBS'");
    expect(() =>
      parseStatement(
        "CREATE TABLE T (K STRING PRIMARY KEY) WITH (kafka_topic='t', WINDOW_TYPE='Session', WINDOW_SIZE='30 seconds');",
      ),
    ).toThrow("'WINDOW_SIZE' should not be set for SESSION windows.");
    expect(
      sameStatement(
        "CREATE TABLE T (K STRING PRIMARY KEY) WITH (kafka_topic='t', WINDOW_TYPE='tumbling', WINDOW_SIZE='1 minute');",
      ),
    ).toMatchObject({
      kind: 'CreateSource',
    });
  });
});

describe('INSERT', () => {
  it('INSERT INTO ... SELECT with optional WITH', () => {
    expect(
      sameStatement(
        "INSERT INTO out WITH (query_id='q1') SELECT * FROM s;",
        "insert into OUT with (QUERY_ID='q1') select * from S",
      ),
    ).toMatchObject({
      kind: 'InsertInto',
      target: { name: 'OUT' },
      properties: [{ name: 'QUERY_ID' }],
      query: { select: [{ kind: 'AllColumns' }] },
    });
  });

  it('INSERT INTO ... [(cols)] VALUES (...)', () => {
    const s = sameStatement(
      "INSERT INTO foo (rowtime, id, `c`) VALUES (1, -2, 'x');",
      "insert into FOO (ROWTIME,ID,`c`) values (1,-2,'x')",
    );
    expect(stripLocations(s)).toEqual({
      kind: 'InsertValues',
      target: { name: 'FOO', quoted: false },
      columns: [
        { name: 'ROWTIME', quoted: false },
        { name: 'ID', quoted: false },
        { name: 'c', quoted: true },
      ],
      values: [int('1'), int('-2'), str('x')],
    });
    expect(sameStatement('INSERT INTO foo VALUES ();')).toMatchObject({ values: [] });
  });
});

describe('other statements', () => {
  it('DROP, TERMINATE', () => {
    expect(
      sameStatement('DROP TABLE IF EXISTS t DELETE TOPIC;', 'drop table if exists T delete topic'),
    ).toMatchObject({
      kind: 'DropSource',
      sourceType: 'TABLE',
      ifExists: true,
      deleteTopic: true,
    });
    expect(sameStatement('TERMINATE ctas_out_1;', 'terminate CTAS_OUT_1')).toMatchObject({
      kind: 'Terminate',
      queryId: 'CTAS_OUT_1',
    });
    expect(sameStatement('TERMINATE ALL;')).toMatchObject({ queryId: 'ALL' });
  });

  it('SHOW / LIST, DESCRIBE, EXPLAIN', () => {
    expect(sameStatement('SHOW STREAMS EXTENDED;', 'list streams extended')).toMatchObject({
      kind: 'ShowList',
      what: 'STREAMS',
      extended: true,
    });
    for (const what of ['TABLES', 'QUERIES', 'TOPICS', 'PROPERTIES', 'VARIABLES', 'FUNCTIONS']) {
      expect(sameStatement(`SHOW ${what}`)).toMatchObject({ what, extended: false });
    }
    expect(sameStatement('DESCRIBE s EXTENDED;')).toMatchObject({
      target: { kind: 'Source', name: { name: 'S' } },
      extended: true,
    });
    expect(sameStatement('DESCRIBE TABLES;')).toMatchObject({
      target: { kind: 'AllSources', what: 'TABLES' },
    });
    expect(sameStatement('DESCRIBE FUNCTION concat;')).toMatchObject({
      target: { kind: 'Function', name: 'CONCAT' },
    });
    expect(sameStatement('EXPLAIN ctas_x_0;')).toMatchObject({
      target: { kind: 'QueryId', queryId: 'CTAS_X_0' },
    });
    expect(sameStatement('EXPLAIN SELECT * FROM s EMIT CHANGES;')).toMatchObject({
      target: {
        kind: 'Statement',
        statement: { kind: 'QueryStatement', text: 'SELECT * FROM s EMIT CHANGES' },
      },
    });
  });

  it('DEFINE / UNDEFINE / SET / UNSET / RUN SCRIPT', () => {
    expect(sameStatement("DEFINE topic = 'o''k';", "define TOPIC='o''k'")).toMatchObject({
      kind: 'DefineVariable',
      name: 'TOPIC',
      value: "o'k",
    });
    expect(sameStatement('UNDEFINE topic;')).toMatchObject({ kind: 'UndefineVariable', name: 'TOPIC' });
    expect(sameStatement("SET 'auto.offset.reset' = 'earliest';")).toMatchObject({
      name: 'auto.offset.reset',
      value: 'earliest',
    });
    expect(sameStatement("UNSET 'auto.offset.reset';")).toMatchObject({ kind: 'UnsetProperty' });
    expect(sameStatement("RUN SCRIPT '/tmp/x.sql';")).toMatchObject({
      kind: 'RunScript',
      path: '/tmp/x.sql',
    });
  });

  it('SQL-test assertions', () => {
    expect(sameStatement('ASSERT VALUES bar (rowtime, id, count) VALUES (1, 1, 1);')).toMatchObject({
      kind: 'AssertValues',
      source: { name: 'BAR' },
      columns: [{ name: 'ROWTIME' }, { name: 'ID' }, { name: 'COUNT' }],
      values: [int('1'), int('1'), int('1')],
    });
    expect(sameStatement('ASSERT NULL VALUES bar (id) KEY (1);')).toMatchObject({
      kind: 'AssertTombstone',
      keys: [int('1')],
    });
    expect(
      sameStatement("ASSERT TABLE bar (id INT PRIMARY KEY, c BIGINT) WITH (kafka_topic='BAR');"),
    ).toMatchObject({
      kind: 'AssertSource',
      sourceType: 'TABLE',
      elements: [{ constraint: 'PRIMARY KEY' }, { constraint: undefined }],
    });
  });

  it('statements the engine does not model parse to Unsupported, never dropped', () => {
    const features = parseStatements(
      'CREATE TYPE t AS STRUCT<a INT>; CREATE SOURCE CONNECTOR c WITH (x=1); DROP CONNECTOR c; DROP TYPE t;' +
        " ALTER STREAM s ADD COLUMN c INT; PRINT 'topic' FROM BEGINNING; PAUSE q; RESUME ALL; ASSERT TOPIC t;" +
        ' ASSERT NOT EXISTS SCHEMA ID 4; SHOW CONNECTORS; SHOW TYPES;',
    ).map((s) => (s.kind === 'Unsupported' ? s.feature : s.kind));
    expect(features).toEqual([
      'CREATE TYPE',
      'CREATE CONNECTOR',
      'DROP CONNECTOR',
      'DROP TYPE',
      'ALTER STREAM',
      'PRINT',
      'PAUSE',
      'RESUME',
      'ASSERT TOPIC',
      'ASSERT SCHEMA',
      'SHOW CONNECTORS',
      'SHOW TYPES',
    ]);
  });

  it('checks the syntax of unsupported statements too', () => {
    expect(() => parseStatement('CREATE TYPE t STRUCT<a INT>;')).toThrow(KsqlParseError);
    expect(() => parseStatement('ALTER STREAM s ADD COLUMN;')).toThrow(KsqlParseError);
    expect(() => parseStatement("PRINT 'topic' FROM END;")).toThrow(KsqlParseError);
    expect(sameStatement('LIST SINK CONNECTORS;')).toMatchObject({
      kind: 'Unsupported',
      feature: 'SHOW CONNECTORS',
    });
    expect(sameStatement("ALTER SYSTEM 'ksql.x' = 'y';")).toMatchObject({
      kind: 'Unsupported',
      feature: 'ALTER SYSTEM',
    });
  });

  it('SHOW ALL TOPICS keeps ALL; EXTENDED only where the grammar allows it', () => {
    expect(sameStatement('SHOW ALL TOPICS EXTENDED;', 'list all topics extended')).toMatchObject({
      what: 'TOPICS',
      all: true,
      extended: true,
    });
    expect(() => parseStatement('SHOW PROPERTIES EXTENDED;')).toThrow(KsqlParseError);
  });

  it('VALUES take value expressions; counts and sizes take integers', () => {
    expect(() => parseStatement('INSERT INTO s (a) VALUES (1 = 1);')).toThrow(KsqlParseError);
    expect(sameStatement('INSERT INTO s (a) VALUES ((1 = 1));')).toMatchObject({
      values: [{ kind: 'Comparison' }],
    });
    expect(() => parseStatement('SELECT * FROM s LIMIT 1.5;')).toThrow(
      'Failed to prepare statement: Value must be integer for command: LIMIT',
    );
    expect(() => parseStatement('SELECT a FROM s WINDOW TUMBLING (SIZE 1.5 SECONDS) GROUP BY a;')).toThrow(
      'Failed to prepare statement: For input string: "1.5"',
    );
  });

  it('keeps each statement text and location in the script', () => {
    const [a, b] = parseStatements('SHOW STREAMS;\n  -- c\n  SHOW  TABLES ;');
    expect([a?.text, a?.loc, b?.text, b?.loc]).toEqual([
      'SHOW STREAMS',
      { line: 1, column: 1 },
      'SHOW  TABLES',
      { line: 3, column: 3 },
    ]);
  });
});

describe('parseType / parseTableElements (QTT post-condition schemas)', () => {
  it('parses schema strings', () => {
    expect(
      stripLocations(parseTableElements('ID BIGINT KEY, `Foo` STRING, S STRUCT<`a` DECIMAL(4, 2)>')),
    ).toEqual([
      { name: { name: 'ID', quoted: false }, type: { kind: 'Primitive', name: 'BIGINT' }, constraint: 'KEY' },
      {
        name: { name: 'Foo', quoted: true },
        type: { kind: 'Primitive', name: 'STRING' },
        constraint: undefined,
      },
      {
        name: { name: 'S', quoted: false },
        type: {
          kind: 'Struct',
          fields: [{ name: { name: 'a', quoted: true }, type: { kind: 'Decimal', precision: 4, scale: 2 } }],
        },
        constraint: undefined,
      },
    ]);
    expect(parseTableElements('')).toEqual([]);
  });

  it('parses types, aliases, custom type names', () => {
    expect(parseType('integer')).toEqual({ kind: 'Primitive', name: 'INT' });
    expect(parseType('MAP<VARCHAR, INT ARRAY>')).toEqual({
      kind: 'Map',
      key: { kind: 'Primitive', name: 'STRING' },
      value: { kind: 'Array', element: { kind: 'Primitive', name: 'INT' } },
    });
    expect(parseType('my_type')).toEqual({ kind: 'Named', name: { name: 'MY_TYPE', quoted: false } });
  });
});

describe('parseStatementSource', () => {
  it('reports positions in the enclosing script', () => {
    const [, second] = splitStatements(
      'SHOW STREAMS;\nCREATE STREAM OUTPUT AS select K, id, 9223372036854775808 FROM INPUT;',
    );
    if (second === undefined) throw new Error('two statements expected');
    expect(() => parseStatementSource(second)).toThrow('line 2:40: Invalid numeric literal');
    expect(parseStatementSource({ ...second, text: 'SHOW TABLES' }).loc).toEqual({ line: 2, column: 1 });
  });
});
