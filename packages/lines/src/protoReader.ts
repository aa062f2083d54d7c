/** Protobuf wire types (https://protobuf.dev/programming-guides/encoding/). */
export const WireType = { Varint: 0, Fixed64: 1, LengthDelimited: 2, Fixed32: 5 } as const;

const TWO_POW_32 = 4294967296;

/**
 * A minimal protobuf reader over a buffer, for what pprofReader reads without a general decoder: the top-level
 * Profile fields (handing each table message to pprof-format) and the samples, streamed. Nested messages are read
 * in place up to their end offset (no reader per message). Varints are read into plain numbers without allocating:
 * unsigned values are exact up to 2^53, signed int64 values (two's complement) likewise.
 */
export class ProtoReader {
  pos: number;
  /** High 32 bits of the last varint read by varint64(). */
  private hi = 0;

  readonly end: number;

  constructor(readonly buf: Uint8Array) {
    this.pos = 0;
    this.end = buf.length;
  }

  /** The next field tag (field number × 8 + wire type) of a message ending at `end`, or -1 past its last field. */
  tag(end: number): number {
    if (this.pos < end) {
      return this.uint();
    }
    if (this.pos > end) {
      throw new Error(`malformed message: a field overruns its end at byte ${end}`);
    }
    return -1;
  }

  uint(): number {
    // Fast path for the common varints of up to 4 bytes (values below 2^28: ids, indices, most line numbers).
    const buf = this.buf;
    let pos = this.pos;
    if (pos + 4 <= this.end) {
      let b = buf[pos++];
      let value = b & 0x7f;
      if (b < 0x80) {
        this.pos = pos;
        return value;
      }
      b = buf[pos++];
      value |= (b & 0x7f) << 7;
      if (b < 0x80) {
        this.pos = pos;
        return value;
      }
      b = buf[pos++];
      value |= (b & 0x7f) << 14;
      if (b < 0x80) {
        this.pos = pos;
        return value;
      }
      b = buf[pos++];
      value |= (b & 0x7f) << 21;
      if (b < 0x80) {
        this.pos = pos;
        return value;
      }
    }
    const lo = this.varint64();
    return this.hi * TWO_POW_32 + lo;
  }

  int64(): number {
    const b = this.buf[this.pos];
    if (b < 0x80 && this.pos < this.end) {
      this.pos++;
      return b;
    }
    const lo = this.varint64();
    return (this.hi | 0) * TWO_POW_32 + lo;
  }

  /** Reads a length prefix and returns the end offset of the delimited bytes (a string, packed field or message). */
  delimited(): number {
    const length = this.uint();
    const end = this.pos + length;
    if (end > this.end) {
      throw this.truncated();
    }
    return end;
  }

  /** After reading a packed field or message in place: it must have ended exactly at `end`. */
  expectAt(end: number): void {
    if (this.pos !== end) {
      throw new Error(`malformed message: a value overruns its end at byte ${end}`);
    }
  }

  /** The bytes of a length-delimited field (a view, not a copy), for a decoder of the message or string in it. */
  bytes(): Uint8Array {
    const end = this.delimited();
    const bytes = this.buf.subarray(this.pos, end);
    this.pos = end;
    return bytes;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WireType.Varint:
        this.varint64();
        return;
      case WireType.Fixed64:
        this.pos += 8;
        break;
      case WireType.LengthDelimited:
        this.pos = this.delimited();
        return;
      case WireType.Fixed32:
        this.pos += 4;
        break;
      default:
        throw new Error(`unsupported protobuf wire type ${wireType} at byte ${this.pos}`);
    }
    if (this.pos > this.end) {
      throw this.truncated();
    }
  }

  /** Reads a varint of up to 10 bytes: returns its low 32 bits (unsigned) and keeps the high 32 bits in `hi`. */
  private varint64(): number {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    let b = 0;
    let done = false;
    for (let shift = 0; shift < 28 && !done; shift += 7) {
      b = buf[pos++];
      lo |= (b & 0x7f) << shift;
      done = b < 0x80;
    }
    if (!done) {
      b = buf[pos++];
      lo |= (b & 0x0f) << 28;
      hi = (b & 0x7f) >> 4;
      done = b < 0x80;
      for (let shift = 3; shift < 32 && !done; shift += 7) {
        b = buf[pos++];
        hi |= (b & 0x7f) << shift;
        done = b < 0x80;
      }
    }
    if (pos > this.end) {
      throw this.truncated();
    }
    if (!done) {
      throw new Error(`malformed varint at byte ${this.pos}`);
    }
    this.pos = pos;
    this.hi = hi >>> 0;
    return lo >>> 0;
  }

  private truncated(): Error {
    return new Error(`truncated message at byte ${this.pos}`);
  }
}
