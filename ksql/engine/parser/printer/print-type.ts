import { assertNever } from '../../../../common/assert-never.ts';
import type { TypeSyntax } from '../ast.ts';
import { printIdentifier } from './print-identifier.ts';

/** A type as SQL, e.g. `MAP<STRING, ARRAY<DECIMAL(4, 2)>>`. */
export function printType(type: TypeSyntax): string {
  switch (type.kind) {
    case 'Primitive':
      return type.name;
    case 'Decimal':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'Array':
      return `ARRAY<${printType(type.element)}>`;
    case 'Map':
      return `MAP<${printType(type.key)}, ${printType(type.value)}>`;
    case 'Struct':
      return `STRUCT<${type.fields.map((f) => `${printIdentifier(f.name)} ${printType(f.type)}`).join(', ')}>`;
    case 'Named':
      return printIdentifier(type.name);
    default:
      return assertNever(type, 'type');
  }
}
