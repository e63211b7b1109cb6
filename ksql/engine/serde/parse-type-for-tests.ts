import type { Column } from '../schema/logical-schema.ts';
import { decimal, struct, type SqlType, type StructField } from '../types/sql-type.ts';

/**
 * Parses ksqlDB's printed schema (`` `ID` BIGINT KEY, `V` STRUCT<`F` INTEGER> ``, as in QTT
 * spec.json files) into columns. Test helper only: the real parser lives in parser/.
 */
export function parseColumnsForTests(text: string): Column[] {
  const p = new P(text);
  const cols: Column[] = [];
  while (!p.done()) {
    const name = p.ident();
    const type = p.type();
    let namespace: Column['namespace'] = 'VALUE';
    if (p.peekWord() === 'KEY') {
      p.word();
      namespace = 'KEY';
    } else if (p.peekWord() === 'PRIMARY') {
      p.word();
      p.word();
      namespace = 'KEY';
    }
    cols.push({ name, type, namespace });
    p.skip(',');
  }
  return cols;
}

class P {
  private i = 0;
  constructor(private readonly s: string) {}
  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  skip(c: string): boolean {
    this.ws();
    if (this.s[this.i] === c) {
      this.i++;
      return true;
    }
    return false;
  }
  peekWord(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    return m ? m[0].toUpperCase() : '';
  }
  word(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`word expected at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }
  ident(): string {
    this.ws();
    if (this.s[this.i] === '`') {
      const end = this.s.indexOf('`', this.i + 1);
      const name = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return name;
    }
    return this.word().toUpperCase();
  }
  int(): number {
    this.ws();
    const m = /^\d+/.exec(this.s.slice(this.i))!;
    this.i += m[0].length;
    return Number(m[0]);
  }
  type(): SqlType {
    const w = this.word().toUpperCase();
    switch (w) {
      case 'INTEGER':
      case 'INT':
        return { kind: 'INT' };
      case 'VARCHAR':
        return { kind: 'STRING' };
      case 'BOOLEAN':
      case 'BIGINT':
      case 'DOUBLE':
      case 'STRING':
      case 'BYTES':
      case 'TIMESTAMP':
      case 'DATE':
      case 'TIME':
        return { kind: w };
      case 'DECIMAL': {
        this.skip('(');
        const p = this.int();
        this.skip(',');
        const s = this.int();
        this.skip(')');
        return decimal(p, s);
      }
      case 'ARRAY': {
        this.skip('<');
        const e = this.type();
        this.skip('>');
        return { kind: 'ARRAY', element: e };
      }
      case 'MAP': {
        this.skip('<');
        const k = this.type();
        this.skip(',');
        const v = this.type();
        this.skip('>');
        return { kind: 'MAP', key: k, value: v };
      }
      case 'STRUCT': {
        this.skip('<');
        const fields: StructField[] = [];
        while (!this.skip('>')) {
          fields.push({ name: this.ident(), type: this.type() });
          this.skip(',');
        }
        return struct(fields);
      }
      default:
        throw new Error(`unknown type ${w}`);
    }
  }
}
