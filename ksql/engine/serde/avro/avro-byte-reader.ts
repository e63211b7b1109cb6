/**
 * A cursor over Avro binary data (Avro 1.11 spec, "Binary Encoding") for the compiled row
 * readers: zig-zag varints, strings, floats. It reads what avsc's `Tap` reads, value for value,
 * but it never guesses on malformed input: anything avsc would read past the end, or resolve
 * through an invalid index, raises `AvroReadAbort`, and the caller decodes the record again
 * with avsc to get avsc's exact result or error.
 */
export class AvroByteReader {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  end = 0;

  reset(buf: Buffer): void {
    this.buf = buf;
    this.pos = 0;
    this.end = buf.length;
  }

  /** An Avro `int` (avsc's `readInt`: the zig-zag varint as a JS number). */
  readInt(): number {
    const u = this.readUnsigned();
    if (u > Number.MAX_SAFE_INTEGER) throw ABORT;
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /**
   * An Avro `long` as a JS number when it is exact (a varint of at most 7 bytes, |v| < 2^48);
   * otherwise `NaN`, and the caller reads it again with `readLongBigint` from `start`.
   */
  readLongNumber(): number {
    const start = this.pos;
    const u = this.readUnsigned();
    if (this.pos - start > 7) {
      this.pos = start;
      return NaN;
    }
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /** An Avro `long` as a 64-bit signed bigint, as avsc's `unpackLongBytes` + `readBigInt64LE`. */
  readLongBigint(): bigint {
    const buf = this.buf;
    let u = 0n;
    let shift = 0n;
    let b: number;
    do {
      if (this.pos >= this.end) throw ABORT;
      b = buf[this.pos++] as number;
      u |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    const half = BigInt.asUintN(64, u >> 1n);
    return BigInt.asIntN(64, u & 1n ? ~half : half);
  }

  readBoolean(): boolean {
    if (this.pos >= this.end) throw ABORT;
    return (this.buf[this.pos++] as number) !== 0;
  }

  readFloat(): number {
    if (this.pos + 4 > this.end) throw ABORT;
    const v = this.buf.readFloatLE(this.pos);
    this.pos += 4;
    return v;
  }

  readDouble(): number {
    if (this.pos + 8 > this.end) throw ABORT;
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  readString(): string {
    const len = this.length();
    const start = this.pos;
    this.pos += len;
    return (this.buf as NodeBuffer).utf8Slice(start, start + len);
  }

  /** Skips a string or bytes value without decoding it. */
  skipBytes(): void {
    const len = this.length();
    this.pos += len;
  }

  skipVarint(): void {
    const buf = this.buf;
    let b: number;
    do {
      if (this.pos >= this.end) throw ABORT;
      b = buf[this.pos++] as number;
    } while (b & 0x80);
  }

  skip(n: number): void {
    if (this.pos + n > this.end) throw ABORT;
    this.pos += n;
  }

  /** A string/bytes length prefix whose bytes are all present. */
  private length(): number {
    const len = this.readInt();
    if (len < 0 || this.pos + len > this.end) throw ABORT;
    return len;
  }

  /** The unsigned varint (avsc's readLong before zig-zag); exact up to 2^53. */
  private readUnsigned(): number {
    const buf = this.buf;
    let u = 0;
    let scale = 1;
    let b: number;
    do {
      if (this.pos >= this.end) throw ABORT;
      b = buf[this.pos++] as number;
      u += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return u;
  }
}

/** Node's Buffer decodes UTF-8 without `toString`'s argument checks (avsc reads strings so too). */
type NodeBuffer = Buffer & { utf8Slice(start: number, end: number): string };

/** Thrown by the compiled readers when avsc must decide (malformed or unexpected input). */
export class AvroReadAbort extends Error {
  constructor() {
    super('compiled Avro reader aborted');
  }
}

/** The one instance thrown (no stack trace to capture on the way back to avsc). */
export const ABORT = new AvroReadAbort();
