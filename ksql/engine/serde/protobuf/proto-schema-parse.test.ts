import { describe, expect, it } from 'vitest';
import { messageAt, messageIndexes, messageNamed, parseProtobufSchema } from './proto-schema-parse.ts';

const TEXT = `syntax = "proto3";
package io.test;
import "google/protobuf/timestamp.proto";
message First { int32 a = 1; }
enum Colour { RED = 0; }
message Second {
  google.protobuf.Timestamp t = 1;
  message Inner { string s = 1; }
  message Other { Inner i = 1; }
}`;

describe('parseProtobufSchema', () => {
  const p = parseProtobufSchema(TEXT);

  it('lists the file’s own top-level messages in order', () => {
    expect(p.pkg).toBe('io.test');
    expect(p.messages.map((m) => m.name)).toEqual(['First', 'Second']);
  });

  it('finds a message by full or short name, else the first', () => {
    expect(messageNamed(p).name).toBe('First');
    expect(messageNamed(p, 'io.test.Second').name).toBe('Second');
    expect(messageNamed(p, 'Second').name).toBe('Second');
    expect(() => messageNamed(p, 'Missing')).toThrow("Schema does not contain a message named 'Missing'");
  });

  it('computes Confluent message indexes and resolves them back', () => {
    const other = p.root.lookupType('io.test.Second.Other');
    expect(messageIndexes(p, other)).toEqual([1, 1]);
    expect(messageAt(p, [1, 1])).toBe(other);
    expect(messageAt(p, [0]).name).toBe('First');
  });

  it('resolves imports through schema references, and names an unknown import', () => {
    const main = 'syntax = "proto3"; import "event.proto"; message Logistics { Event EVENT = 1; }';
    const ref = 'syntax = "proto3"; message Event { int64 TIMESTAMP = 1; }';
    const parsed = parseProtobufSchema(main, new Map([['event.proto', ref]]));
    expect(parsed.messages.map((m) => m.name)).toEqual(['Logistics']);
    expect(parsed.root.lookupType('Logistics').fields['EVENT']?.resolvedType?.name).toBe('Event');
    expect(() => parseProtobufSchema(main)).toThrow('imports "event.proto"');
  });

  it('reads registry-printed field_meta options (lists inside option values)', () => {
    const text = `syntax = "proto3";
import "confluent/type/decimal.proto";
message ConnectDefault1 {
  confluent.type.Decimal DEC = 1 [(confluent.field_meta) = {
    params: [
      { value: "21", key: "precision" },
      { value: "19", key: "scale" }
    ]
  }];
}`;
    const type = parseProtobufSchema(text).messages[0]!;
    expect(type.fields['DEC']?.resolvedType?.fullName).toBe('.confluent.type.Decimal');
  });
});
