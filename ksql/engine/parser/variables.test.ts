import { describe, expect, it } from 'vitest';
import { KsqlParseError } from '../errors.ts';
import { parseStatements } from './index.ts';
import { substituteVariables } from './variables.ts';

describe('substituteVariables', () => {
  it('replaces references case-insensitively, inside strings too', () => {
    const vars = new Map([['FORMAT', 'AVRO']]);
    expect(substituteVariables("value_format='${format}', x=${FORMAT}", vars)).toBe(
      "value_format='AVRO', x=AVRO",
    );
  });

  it('accepts a plain record with any key case', () => {
    expect(substituteVariables('${topicName}', { topicname: 't1' })).toBe('t1');
  });

  it('leaves undefined variables and escaped $${x} references', () => {
    expect(substituteVariables('${a} $${b}', { b: 'no' })).toBe('${a} ${b}');
  });
});

describe('parseStatements with DEFINE', () => {
  it('substitutes per statement with the variables defined so far', () => {
    const [, create, , insert] = parseStatements(
      "DEFINE topic = 'orders'; CREATE STREAM S (X INT) WITH (kafka_topic='${topic}', value_format='JSON');" +
        ' UNDEFINE topic; INSERT INTO S (X) VALUES (${limit});',
      { variables: { LIMIT: '5' } },
    );
    expect(create).toMatchObject({
      kind: 'CreateSource',
      properties: [{ name: 'KAFKA_TOPIC', value: { value: 'orders' } }, { name: 'VALUE_FORMAT' }],
    });
    expect(insert).toMatchObject({ kind: 'InsertValues', values: [{ kind: 'IntegerLiteral', text: '5' }] });
  });

  it('rejects an undefined variable where it stands', () => {
    expect(() => parseStatements("DEFINE a = 'x'; UNDEFINE a; SELECT * FROM ${a};")).toThrow(KsqlParseError);
  });

  it('does not substitute when disabled', () => {
    const [, s] = parseStatements("DEFINE a = 'x'; SELECT '${a}' FROM t;", { substitute: false });
    expect(s).toMatchObject({ query: { select: [{ expression: { value: '${a}' } }] } });
  });
});

describe('substituteVariables in string literals', () => {
  it("doubles a value's quotes inside a string, keeps them outside (docs: DEFINE topicName = '''my_topic''')", () => {
    const vars = { name: "Tom's", topic: "'my_topic'" };
    expect(substituteVariables("SELECT '${name}' FROM t WHERE x = 'it''s ${name}'", vars)).toBe(
      "SELECT 'Tom''s' FROM t WHERE x = 'it''s Tom''s'",
    );
    expect(substituteVariables('WITH (kafka_topic=${topic})', vars)).toBe("WITH (kafka_topic='my_topic')");
  });
});

describe('substituteVariables around comments and quoted identifiers', () => {
  it('ignores quotes in comments and identifiers when tracking strings', () => {
    const vars = { v: "a'b" };
    expect(
      substituteVariables("-- don't\nSELECT `it's` FROM t WHERE x = '${v}' /* ' */ AND y = ${v}", vars),
    ).toBe("-- don't\nSELECT `it's` FROM t WHERE x = 'a''b' /* ' */ AND y = a'b");
  });
});
