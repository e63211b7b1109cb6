import { describe, expect, it } from 'vitest';
import { formatSqlType } from '../../types/sql-type.ts';
import { inferColumnsFromProtobuf } from './protobuf-infer.ts';

const print = (cols: readonly { name: string; type: Parameters<typeof formatSqlType>[0] }[]): string =>
  cols.map((c) => `${c.name} ${formatSqlType(c.type)}`).join(', ');

describe('inferColumnsFromProtobuf', () => {
  it('maps field types as Connect and ksqlDB do, upper-casing names', () => {
    const text = `syntax = "proto3";
import "confluent/type/decimal.proto";
import "google/protobuf/timestamp.proto";
message M {
  int32 a = 1; uint32 b = 2; uint64 c = 3; float d = 4; bool e = 5; bytes f = 6;
  enum Colour { RED = 0; } Colour g = 7;
  repeated string h = 8;
  map<string, int64> i = 9;
  repeated KEntry j = 10;
  message KEntry { string key = 1; double value = 2; }
  google.protobuf.Timestamp k = 11;
  confluent.type.Decimal l = 12 [(confluent.field_meta) = { params: [{ value: "6", key: "precision" }, { value: "4", key: "scale" }] }];
  N n = 13;
  message N { string x = 1; }
}`;
    expect(print(inferColumnsFromProtobuf(text, 'VALUE'))).toBe(
      'A INTEGER, B BIGINT, C BIGINT, D DOUBLE, E BOOLEAN, F BYTES, G STRING, H ARRAY<STRING>, ' +
        'I MAP<STRING, BIGINT>, J MAP<STRING, DOUBLE>, K TIMESTAMP, L DECIMAL(6, 4), N STRUCT<`X` STRING>',
    );
  });

  it('reads the named message, keeping names for schemas given by id', () => {
    const text = 'syntax = "proto3"; message K1 { uint32 k1 = 1; } message K2 { string k = 1; }';
    const cols = inferColumnsFromProtobuf(text, 'KEY', { fullName: 'K2', originalFieldNames: true });
    expect(cols).toEqual([{ name: 'k', type: { kind: 'STRING' }, namespace: 'KEY' }]);
  });
});
