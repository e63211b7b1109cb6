/**
 * A STRUCT value: field values in the order of the struct type's fields. Field names are
 * carried so a value can be printed and compared without its type at hand.
 */
export class Struct {
  constructor(
    readonly names: readonly string[],
    readonly values: unknown[],
  ) {}

  get(name: string): unknown {
    const i = this.names.indexOf(name);
    return i < 0 ? null : (this.values[i] ?? null);
  }
}
