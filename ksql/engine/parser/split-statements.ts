import { scanQuoted } from './lexer.ts';

export interface StatementSource {
  /** The statement's exact text from its first token up to, not including, its `;`. */
  readonly text: string;
  /** 1-based position of the statement's first token in the script. */
  readonly line: number;
  readonly column: number;
  /** Offset of `text` in the script. */
  readonly offset: number;
  /** Whether a `;` ended the statement (ksqlDB requires it; a last unterminated one is kept). */
  readonly terminated: boolean;
}

/**
 * Splits a script at top-level semicolons: those inside strings, quoted identifiers and comments
 * do not split. Leading whitespace and comments (including `--@test:` directives) are not part of
 * a statement; empty statements are dropped. Linear in the script length.
 */
export function splitStatements(script: string): StatementSource[] {
  const out: StatementSource[] = [];
  let start = -1; // offset of the current statement's first significant character
  let i = 0;
  const position = linePositions(script);
  const emit = (end: number, terminated: boolean): void => {
    if (start >= 0)
      out.push({ text: script.slice(start, end).trimEnd(), ...position(start), offset: start, terminated });
    start = -1;
  };
  while (i < script.length) {
    const ch = script[i] as string;
    if (ch === '-' && script[i + 1] === '-') {
      const nl = script.indexOf('\n', i);
      i = nl < 0 ? script.length : nl + 1;
    } else if (ch === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? script.length : close + 2;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
    } else if (ch === ';') {
      emit(i, true);
      i++;
    } else {
      if (start < 0) start = i;
      if (ch === "'" || ch === '`' || ch === '"') {
        const end = scanQuoted(script, i, ch);
        i = end < 0 ? script.length : end;
      } else i++;
    }
  }
  emit(script.length, false);
  return out;
}

/** 1-based line and column of increasing offsets, computed incrementally (linear overall). */
function linePositions(script: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) {
      if (script.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
}
