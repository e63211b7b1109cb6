import { DeployError } from './errors.ts';

/**
 * Splits a migration file into statements exactly as ksqlDB's migrations tool does
 * (`CommandParser.splitSql`): `;` ends a statement outside single-quoted strings; `--` and
 * `/* *\/` comments are dropped; text left after the last `;` is an error. Each statement
 * keeps the 1-based line where it starts, for error reports.
 */
export interface SplitStatement {
  readonly sql: string;
  readonly line: number;
}

export function splitSql(sql: string, file: string): SplitStatement[] {
  const statements: SplitStatement[] = [];
  let current = '';
  let startLine = 0;
  let line = 1;
  let i = 0;
  const append = (text: string): void => {
    if (startLine === 0 && text.trim().length > 0) startLine = line;
    current += text;
  };
  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (sql.charCodeAt(k) === 10) line++;
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'") {
      const close = sql.indexOf("'", i + 1);
      if (close < 0) throw unclosed(file, line, "'");
      append(sql.slice(i, close + 1));
      countLines(i, close + 1);
      i = close + 1;
    } else if (sql.startsWith('--', i)) {
      const close = sql.indexOf('\n', i + 1);
      if (close < 0) throw unclosed(file, line, 'end of line after --');
      countLines(i, close + 1);
      i = close + 1;
      current += '\n';
    } else if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw unclosed(file, line, '*/');
      countLines(i, close + 2);
      i = close + 2;
    } else if (ch === ';') {
      append(';');
      statements.push({ sql: current.trim(), line: startLine });
      current = '';
      startLine = 0;
      i++;
    } else {
      append(ch ?? '');
      if (ch === '\n') line++;
      i++;
    }
  }
  if (current.trim().length > 0) {
    throw new DeployError(
      `${file}:${startLine}: statement without a terminating semicolon: ${current.trim()}`,
      {
        file,
        line: startLine,
        retriable: false,
      },
    );
  }
  return statements;
}

function unclosed(file: string, line: number, token: string): DeployError {
  return new DeployError(`${file}:${line}: invalid SQL: no closing ${token}`, {
    file,
    line,
    retriable: false,
  });
}
