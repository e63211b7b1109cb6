import { KsqlUnsupportedError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import type { RowCodec } from '../row-codec.ts';
import type { SerdeContext } from '../serde-factory.ts';
import type { FormatInfo } from '../serde-types.ts';

export async function avroCodec(
  _info: FormatInfo,
  _columns: readonly Column[],
  _isKey: boolean,
  _unwrapped: boolean,
  _ctx: SerdeContext,
): Promise<RowCodec> {
  throw new KsqlUnsupportedError('AVRO format');
}
