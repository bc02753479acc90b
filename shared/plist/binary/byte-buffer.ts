// A growable big-endian byte buffer for the binary writer.

export class ByteBuffer {
  private bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  /** Number of bytes written so far, which is also the offset of the next byte. */
  length = 0;

  /** Returns a copy of the bytes written. */
  toUint8Array(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  writeUint8(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  writeBytes(source: Uint8Array): void {
    this.reserve(source.length);
    this.bytes.set(source, this.length);
    this.length += source.length;
  }

  /** Writes the low `width` bytes of a non-negative integer below 2^53, most significant first. */
  writeUnsigned(value: number, width: number): void {
    this.reserve(width);
    for (let i = width - 1; i >= 0; i--) {
      this.bytes[this.length + i] = value % 256;
      value = Math.floor(value / 256);
    }
    this.length += width;
  }

  /** Writes the low `width` bytes of `value` in two's complement, most significant first. */
  writeBigInt(value: bigint, width: number): void {
    this.reserve(width);
    let rest = BigInt.asUintN(width * 8, value);
    for (let i = width - 1; i >= 0; i--) {
      this.bytes[this.length + i] = Number(rest & 0xffn);
      rest >>= 8n;
    }
    this.length += width;
  }

  writeFloat32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, value);
    this.length += 4;
  }

  writeFloat64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
  }

  /** Writes UTF-16 code units big-endian. */
  writeUtf16(text: string): void {
    this.reserve(2 * text.length);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      this.bytes[this.length++] = unit >> 8;
      this.bytes[this.length++] = unit & 0xff;
    }
  }

  /** Writes a string whose code units are all below 0x80, one byte each. */
  writeAscii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
}
