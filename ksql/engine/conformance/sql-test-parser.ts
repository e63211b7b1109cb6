/**
 * The SQL test file format (`--@test:` blocks; SqlTestReader/SqlTestLoader/DirectiveParser in
 * ksqldb-testing-tool, ../shared/reference/ksqldb.md b.1). Directives are line comments
 * `--@<type>: <contents>`; a test runs from its `--@test:` to the next one. Statements are
 * split by the engine parser's splitter, injected so this file stays a pure function.
 */
export interface SqlTest {
  readonly name: string;
  /** 1-based line of the `--@test:` directive. */
  readonly line: number;
  readonly expectedError?: string;
  readonly expectedMessage?: string;
  /** Statement texts in order (each as the splitter returned it). */
  readonly statements: readonly string[];
}

export class SqlTestFormatError extends Error {
  override name = 'SqlTestFormatError';
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const DIRECTIVE = /^\s*--@(?<type>[a-zA-Z.]+):\s*(?<contents>.*)$/;

export function parseSqlTestFile(file: string, text: string, split: (sql: string) => string[]): SqlTest[] {
  const tests: {
    name: string;
    line: number;
    expectedError?: string;
    expectedMessage?: string;
    body: string[];
  }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const d = DIRECTIVE.exec(raw);
    const current = tests.at(-1);
    if (d?.groups) {
      const type = d.groups.type!.toLowerCase();
      const contents = d.groups.contents!.trim();
      if (type === 'test') tests.push({ name: contents, line: i + 1, body: [] });
      else if (current && type === 'expected.error') current.expectedError = contents;
      else if (current && type === 'expected.message') current.expectedMessage = contents;
      // other directive types are UNKNOWN and ignored, as DirectiveParser does
      current?.body.push('');
      return;
    }
    if (current) current.body.push(raw);
    else if (stripComments(raw).trim() !== '') {
      throw new SqlTestFormatError(file, i + 1, 'Exepcted test to start with --@test.');
    }
  });
  return tests.map((t) => ({
    name: t.name,
    line: t.line,
    ...(t.expectedError !== undefined ? { expectedError: t.expectedError } : {}),
    ...(t.expectedMessage !== undefined ? { expectedMessage: t.expectedMessage } : {}),
    statements: split(t.body.join('\n'))
      .map((s) => s.trim())
      .filter((s) => stripComments(s).trim() !== ''),
  }));
}

/** Drops `--` line comments and block comments (outside quotes) — to see whether text holds a statement. */
export function stripComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '`' || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl - 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}
