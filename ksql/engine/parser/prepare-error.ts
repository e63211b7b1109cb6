import { KsqlParseError } from '../errors.ts';
import type { Location } from './ast.ts';

/**
 * An error of ksqlDB's second parse stage (AstBuilder, run by DefaultKsqlParser.prepare), which
 * ksqlDB reports as ParseFailedException "Failed to prepare statement: <message>"
 * (literals.json "BIGINT literal positive overflow", insert-values.json "should fail on column
 * reference"). Syntax errors of the first stage have no prefix.
 */
export function prepareError(message: string, loc: Location, statementText: string): KsqlParseError {
  return new KsqlParseError(
    `Failed to prepare statement: ${message}\nStatement: ${statementText}`,
    loc.line,
    loc.column,
  );
}

/** ksqlDB's NodeLocation.toString(): `Line: 1, Col: 21`. */
export function nodeLocation(loc: Location): string {
  return `Line: ${loc.line}, Col: ${loc.column}`;
}
