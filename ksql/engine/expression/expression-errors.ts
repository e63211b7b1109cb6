import { KsqlStatementError } from '../errors.ts';

/**
 * A type error found while checking an expression (ksqlDB's ExpressionTypeManager): "Cannot
 * compare ...", "Unsupported arithmetic types ...". In WHERE and HAVING, compileExpression
 * reports it as ksqlDB does: "Error in WHERE expression: <message>".
 */
export class ExpressionTypeError extends KsqlStatementError {}
