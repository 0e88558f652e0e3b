/**
 * Memory: a byte array addressed by concrete offsets, grown in 32-byte words (Yellow Paper 9.1).
 * Expansion is paid for by the step before a rule touches memory (see `gas.ts`); the memory itself
 * only grows when asked.
 */
export interface Memory<W, B> {
  /** Current size in bytes (always a multiple of 32). */
  readonly size: number;
  /** Grows to at least `end` bytes, rounded up to a whole word; never shrinks. */
  expandTo(end: number): void;
  load(offset: number): W;
  store(offset: number, word: W): void;
  /** Stores the least significant byte of the word. */
  store8(offset: number, word: W): void;
  read(offset: number, size: number): B;
  write(offset: number, data: B): void;
}

/**
 * Memory over a Uint8Array with concrete words (bigint). The buffer doubles when it must grow, so
 * memory grown a word at a time is not copied over and over; only `size` bytes are memory.
 */
export class ConcreteMemory implements Memory<bigint, Uint8Array> {
  private bytes = new Uint8Array(0);
  private used = 0;

  get size(): number {
    return this.used;
  }

  expandTo(end: number): void {
    const size = Math.ceil(end / 32) * 32;
    if (size <= this.used) return;
    if (size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(size, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used = size;
  }

  load(offset: number): bigint {
    let value = 0n;
    for (let i = 0; i < 32; i++) value = (value << 8n) | BigInt(this.bytes[offset + i]!);
    return value;
  }

  store(offset: number, word: bigint): void {
    for (let i = 31; i >= 0; i--) {
      this.bytes[offset + i] = Number(word & 0xffn);
      word >>= 8n;
    }
  }

  store8(offset: number, word: bigint): void {
    this.bytes[offset] = Number(word & 0xffn);
  }

  read(offset: number, size: number): Uint8Array {
    return this.bytes.slice(offset, offset + size);
  }

  write(offset: number, data: Uint8Array): void {
    this.bytes.set(data, offset);
  }
}
