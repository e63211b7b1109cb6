import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { assertNever } from '../../../../common/assert-never.ts';

/** The message name Connect's ProtobufData gives unnamed structs: ConnectDefault1, 2, ... */
export const DEFAULT_MESSAGE_PREFIX = 'ConnectDefault';

interface Message {
  readonly name: string;
  readonly fields: string[];
  readonly nested: Message[];
}

interface Context {
  next: number;
  readonly imports: string[];
}

/**
 * The proto3 schema text ksqlDB registers for a PROTOBUF key or value (always a message: the
 * format wraps single columns, ksqlDB docs "Protobuf": single field unwrapping not supported).
 * Mirrors Connect's ProtobufData.fromConnectSchema over ksqlDB's Connect schema, as printed by
 * the registry (historical-specs `*PROTOBUF*` post topics):
 * - root message `ConnectDefault1`, or the last segment of `fullName` in its package;
 * - fields numbered 1.. in column order, named as the columns;
 * - unnamed STRUCTs become nested messages and MAPs nested `<name>Entry {key = 1; value = 2}`
 *   messages, named ConnectDefault<n> in pre-order (n continues after the root's 1);
 * - ARRAY → `repeated`; DECIMAL → `confluent.type.Decimal` with precision/scale `field_meta`;
 *   TIMESTAMP → google.protobuf.Timestamp; DATE → google.type.Date; TIME → google.type.TimeOfDay.
 */
export function generateProtobufSchema(columns: readonly Column[], fullName?: string): string {
  const dot = fullName?.lastIndexOf('.') ?? -1;
  const pkg = fullName !== undefined && dot >= 0 ? fullName.slice(0, dot) : undefined;
  const ctx: Context = { next: 0, imports: [] };
  const rootName = fullName !== undefined ? fullName.slice(dot + 1) : defaultName(ctx);
  const root = message(
    rootName,
    columns.map((c) => ({ name: c.name, type: c.type })),
    ctx,
  );
  const out = ['syntax = "proto3";', ''];
  if (pkg !== undefined) out.push(`package ${pkg};`, '');
  if (ctx.imports.length > 0) {
    for (const i of ctx.imports) out.push(`import "${i}";`);
    out.push('');
  }
  print(root, '', out);
  return `${out.join('\n')}\n`;
}

function defaultName(ctx: Context): string {
  ctx.next += 1;
  return `${DEFAULT_MESSAGE_PREFIX}${ctx.next}`;
}

function message(name: string, fields: readonly { name: string; type: SqlType }[], ctx: Context): Message {
  const m: Message = { name, fields: [], nested: [] };
  fields.forEach((f, i) => m.fields.push(field(m, f.name, f.type, i + 1, ctx)));
  return m;
}

function field(parent: Message, name: string, type: SqlType, tag: number, ctx: Context): string {
  let label = '';
  let t = type;
  if (t.kind === 'ARRAY') {
    label = 'repeated ';
    t = t.element;
    if (t.kind === 'ARRAY') {
      throw new KsqlStatementError('PROTOBUF format does not support nested arrays: Array cannot be nested');
    }
  } else if (t.kind === 'MAP') {
    label = 'repeated ';
  }
  switch (t.kind) {
    case 'DECIMAL':
      use(ctx, 'confluent/type/decimal.proto');
      return `${label}confluent.type.Decimal ${name} = ${tag} [(confluent.field_meta) = {
    params: [
      {
        value: "${t.precision}",
        key: "precision"
      },
      {
        value: "${t.scale}",
        key: "scale"
      }
    ]
  }];`;
    case 'STRUCT': {
      let typeName = defaultName(ctx);
      if (typeName === name) typeName += 'Message';
      parent.nested.push(message(typeName, t.fields, ctx));
      return `${label}${typeName} ${name} = ${tag};`;
    }
    case 'MAP': {
      if (t.key.kind !== 'STRING') {
        throw new KsqlStatementError(
          'PROTOBUF format only supports MAP types with STRING keys. See https://github.com/confluentinc/ksql/issues/6177.',
        );
      }
      const entry = `${defaultName(ctx)}Entry`;
      const m: Message = { name: entry, fields: [], nested: [] };
      m.fields.push(field(m, 'key', t.key, 1, ctx));
      m.fields.push(field(m, 'value', t.value, 2, ctx));
      parent.nested.push(m);
      return `${label}${entry} ${name} = ${tag};`;
    }
    default:
      return `${label}${scalarType(t, ctx)} ${name} = ${tag};`;
  }
}

function scalarType(t: SqlType, ctx: Context): string {
  switch (t.kind) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT':
      return 'int32';
    case 'BIGINT':
      return 'int64';
    case 'DOUBLE':
      return 'double';
    case 'STRING':
      return 'string';
    case 'BYTES':
      return 'bytes';
    case 'TIMESTAMP':
      use(ctx, 'google/protobuf/timestamp.proto');
      return 'google.protobuf.Timestamp';
    case 'DATE':
      use(ctx, 'google/type/date.proto');
      return 'google.type.Date';
    case 'TIME':
      use(ctx, 'google/type/timeofday.proto');
      return 'google.type.TimeOfDay';
    case 'DECIMAL':
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      throw new Error(`${t.kind} is not a scalar protobuf type`);
    default:
      return assertNever(t, 'SQL type');
  }
}

function use(ctx: Context, file: string): void {
  if (!ctx.imports.includes(file)) ctx.imports.push(file);
}

function print(m: Message, indent: string, out: string[]): void {
  out.push(`${indent}message ${m.name} {`);
  for (const f of m.fields)
    out.push(...f.split('\n').map((l, i) => (i === 0 ? `${indent}  ${l}` : `${indent}${l}`)));
  for (const n of m.nested) {
    out.push('');
    print(n, `${indent}  `, out);
  }
  out.push(`${indent}}`);
}
