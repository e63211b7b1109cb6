import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.ts';

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    const script = 'SELECT \';\' FROM `a;b`; -- x; y\n/* ; */ INSERT INTO "c;" VALUES (1);\n';
    expect(splitStatements(script).map((s) => s.text)).toEqual([
      "SELECT ';' FROM `a;b`",
      'INSERT INTO "c;" VALUES (1)',
    ]);
  });

  it('reports where each statement starts, skipping comments and directives', () => {
    const script = "--@test: one\nCREATE STREAM A (X INT) WITH (kafka_topic='a');\n\n  SELECT * FROM A;";
    expect(splitStatements(script).map((s) => [s.line, s.column, s.terminated])).toEqual([
      [2, 1, true],
      [4, 3, true],
    ]);
  });

  it('keeps an unterminated last statement and drops empty ones', () => {
    expect(splitStatements(';; SHOW STREAMS').map((s) => [s.text, s.terminated])).toEqual([
      ['SHOW STREAMS', false],
    ]);
  });
});
