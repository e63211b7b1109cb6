import type { KsqlEngine, SourceInfo } from '../api.ts';
import { KsqlRuntimeError } from '../errors.ts';
import type { AssertSource, Property } from '../parser/ast.ts';
import type { Column } from '../schema/logical-schema.ts';
import { formatSqlType } from '../types/sql-type.ts';
import { columnsOf } from './sql-type-syntax.ts';

/**
 * ASSERT STREAM/TABLE (AssertExecutor.MUST_MATCH, ../shared/reference/ksqldb.md b.2): the
 * source's schema, type, topic, key/value formats, serde features and timestamp column/format
 * must equal the asserted ones. Unstated formats take ksqlDB's defaults (key: KAFKA).
 */
export function checkAssertSource(engine: KsqlEngine, stmt: AssertSource): void {
  const source = engine.getSource(stmt.name.name);
  if (!source) throw new KsqlRuntimeError(`Cannot assert on non-existent source ${stmt.name.name}.`);
  const props = new Map(stmt.properties.map((p) => [p.name.toUpperCase(), literal(p)]));
  const fail = (what: string): never => {
    throw new KsqlRuntimeError(`Expected ${what} does not match actual for source ${source.name}.`);
  };
  if (stmt.elements.length > 0 && !sameSchema(columnsOf(stmt.elements), source)) fail('schema');
  if (stmt.sourceType !== source.type) fail('type');
  const topic = props.get('KAFKA_TOPIC');
  if (topic !== undefined && topic !== source.topic) fail('kafka topic');
  const format = props.get('FORMAT');
  const keyFormat = (props.get('KEY_FORMAT') ?? format ?? 'KAFKA').toUpperCase();
  if (keyFormat !== source.keyFormat.info.format) fail('key format');
  const valueFormat = props.get('VALUE_FORMAT') ?? format;
  if (valueFormat !== undefined && valueFormat.toUpperCase() !== source.valueFormat.info.format)
    fail('value format');
  const wrap = props.get('WRAP_SINGLE_VALUE');
  if (wrap !== undefined) {
    const expected = wrap.toLowerCase() === 'true' ? 'WRAP_SINGLES' : 'UNWRAP_SINGLES';
    if (source.valueFormat.features.join(',') !== expected) fail('value serde features');
  } else if (source.valueFormat.features.length > 0) {
    fail('value serde features');
  }
  const ts = props.get('TIMESTAMP');
  if ((ts === undefined ? undefined : unquote(ts)) !== source.timestampColumn?.column)
    fail('timestamp column');
  const tsFormat = props.get('TIMESTAMP_FORMAT');
  if (tsFormat !== source.timestampColumn?.format) fail('timestamp format');
}

function literal(p: Property): string {
  const v = p.value;
  switch (v.kind) {
    case 'StringLiteral':
      return v.value;
    case 'BooleanLiteral':
      return String(v.value);
    case 'NullLiteral':
      return 'null';
    default:
      return v.text;
  }
}

/** A column name in a property: upper-cased unless backtick-quoted. */
function unquote(name: string): string {
  return name.startsWith('`') && name.endsWith('`') ? name.slice(1, -1) : name.toUpperCase();
}

function sameSchema(expected: { key: Column[]; value: Column[] }, source: SourceInfo): boolean {
  const print = (cols: readonly Column[]): string =>
    cols
      .map((c) => `${c.name} ${formatSqlType(c.type)} ${c.namespace}${c.headerKey ? `(${c.headerKey})` : ''}`)
      .join(', ');
  return (
    print(expected.key) === print(source.schema.key) && print(expected.value) === print(source.schema.value)
  );
}
