import { KsqlStatementError } from '../../errors.ts';

/**
 * Resolves a KEY_DELIMITER / VALUE_DELIMITER property: a single character, or the names TAB
 * and SPACE; default `,`. Error texts from delimited.json ("validate value_delimiter ...").
 */
export function parseDelimiter(raw: string | undefined, property = 'VALUE_DELIMITER'): string {
  if (raw === undefined) return ',';
  const prefix = `Failed to prepare statement: Configuration ${property} is invalid: `;
  const example = "\nExample valid value: ';'";
  if (raw.trim() === '') {
    throw new KsqlStatementError(
      `${prefix}Delimiter cannot be empty, if you meant to have a tab or space for delimiter, please use the special values 'TAB' or 'SPACE'${example}`,
    );
  }
  const upper = raw.toUpperCase();
  if (upper === 'TAB') return '\t';
  if (upper === 'SPACE') return ' ';
  if ([...raw].length !== 1) {
    throw new KsqlStatementError(
      `${prefix}Invalid delimiter value: '${raw}'. Delimiter must be a single character or TAB,SPACE${example}`,
    );
  }
  return raw;
}
