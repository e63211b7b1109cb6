import protobuf from 'protobufjs';

/**
 * Files every schema may import without a registry reference, as Confluent's ProtobufSchema
 * resolves them: google/protobuf/* (protobufjs ships them), the google.type calendar messages
 * Connect uses for DATE/TIME, and Confluent's decimal and field-meta types. The texts below
 * declare the same messages and field numbers as the published files (comments left out).
 */
const TEXTS: Readonly<Record<string, string>> = {
  'confluent/type/decimal.proto': `syntax = "proto3";
package confluent.type;
message Decimal {
  bytes value = 1;
  uint32 precision = 2;
  int32 scale = 3;
}`,
  // The real file extends google.protobuf.FieldOptions with `field_meta = 1088`; options are
  // read from the parsed text, so the extension itself is not needed here.
  'confluent/meta.proto': `syntax = "proto3";
package confluent;
message Meta {
  string doc = 1;
  map<string, string> params = 2;
}`,
  'google/type/date.proto': `syntax = "proto3";
package google.type;
message Date {
  int32 year = 1;
  int32 month = 2;
  int32 day = 3;
}`,
  'google/type/timeofday.proto': `syntax = "proto3";
package google.type;
message TimeOfDay {
  int32 hours = 1;
  int32 minutes = 2;
  int32 seconds = 3;
  int32 nanos = 4;
}`,
};

/** Adds a well-known file to `root`; false when `file` is not one of them. */
export function addWellKnown(root: protobuf.Root, file: string): boolean {
  const text = TEXTS[file];
  if (text !== undefined) {
    protobuf.parse(text, root, { keepCase: true });
    return true;
  }
  const common = (protobuf.common as unknown as Record<string, { nested?: protobuf.INamespace['nested'] }>)[
    file
  ];
  if (file.startsWith('google/protobuf/') && common?.nested) {
    root.addJSON(common.nested);
    return true;
  }
  if (file === 'google/protobuf/descriptor.proto') return true;
  return false;
}
