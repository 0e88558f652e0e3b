/**
 * ABI decoding with every offset and length checked against the data before it is followed, and
 * every value checked to be clean the way Solidity's ABI coder v2 checks it (upper bits of
 * uint<M>/address zero, int<M> correctly sign-extended, bool 0 or 1, bytes<M> zero-padded).
 */
import { toChecksumAddress } from "./address.js";
import { AbiError } from "./errors.js";
import { bytesToBigInt, bytesToHex } from "./hex.js";
import { fromWordSigned, integerRange } from "./integers.js";
import { type AbiType, canonicalType, headSize, isDynamic } from "./types.js";
import type { AbiValue } from "./values.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

class Reader {
  constructor(readonly data: Uint8Array) {}

  word(at: number, path: string): bigint {
    if (at + 32 > this.data.length) {
      throw new AbiError("ABI_DECODE", `${path}: needs bytes ${at}..${at + 32} but the data has ${this.data.length}`);
    }
    return bytesToBigInt(this.data.subarray(at, at + 32));
  }

  /** A word used as an offset or length: must fit in the data, so it fits in a JavaScript number. */
  size(at: number, path: string, what: string): number {
    const value = this.word(at, path);
    if (value > BigInt(this.data.length)) {
      throw new AbiError("ABI_DECODE", `${path}: ${what} ${value} exceeds the data length ${this.data.length}`);
    }
    return Number(value);
  }

  slice(at: number, length: number, path: string): Uint8Array {
    if (at + length > this.data.length) {
      throw new AbiError("ABI_DECODE", `${path}: needs bytes ${at}..${at + length} but the data has ${this.data.length}`);
    }
    return this.data.slice(at, at + length);
  }
}

function decodeSequence(reader: Reader, types: readonly AbiType[], base: number, path: (i: number) => string): AbiValue[] {
  let head = base;
  return types.map((type, i) => {
    const where = path(i);
    let value: AbiValue;
    if (isDynamic(type)) {
      const offset = reader.size(head, where, "offset");
      value = decodeValue(reader, type, base + offset, where);
    } else {
      value = decodeValue(reader, type, head, where);
    }
    head += headSize(type);
    return value;
  });
}

function decodeValue(reader: Reader, type: AbiType, at: number, path: string): AbiValue {
  switch (type.kind) {
    case "uint": {
      const word = reader.word(at, path);
      if (word > integerRange("uint", type.bits).max) {
        throw new AbiError("ABI_DECODE", `${path}: ${word} does not fit ${canonicalType(type)}`);
      }
      return word;
    }
    case "int": {
      const value = fromWordSigned(reader.word(at, path));
      const { min, max } = integerRange("int", type.bits);
      if (value < min || value > max) {
        throw new AbiError("ABI_DECODE", `${path}: ${value} is not a sign-extended ${canonicalType(type)}`);
      }
      return value;
    }
    case "address": {
      const word = reader.word(at, path);
      if (word >> 160n !== 0n) throw new AbiError("ABI_DECODE", `${path}: address word has non-zero upper 12 bytes`);
      return toChecksumAddress(`0x${word.toString(16).padStart(40, "0")}`);
    }
    case "bool": {
      const word = reader.word(at, path);
      if (word > 1n) throw new AbiError("ABI_DECODE", `${path}: bool word is ${word}, not 0 or 1`);
      return word === 1n;
    }
    case "fixedBytes": {
      const word = reader.slice(at, 32, path);
      if (word.subarray(type.size).some((b) => b !== 0)) {
        throw new AbiError("ABI_DECODE", `${path}: bytes${type.size} is not zero-padded: ${bytesToHex(word)}`);
      }
      return word.slice(0, type.size);
    }
    case "bytes":
    case "string": {
      const length = reader.size(at, path, "length");
      const bytes = reader.slice(at + 32, length, path);
      if (type.kind === "bytes") return bytes;
      try {
        return utf8.decode(bytes);
      } catch {
        throw new AbiError("ABI_DECODE", `${path}: string is not valid UTF-8: ${bytesToHex(bytes)}`);
      }
    }
    case "array": {
      let count = type.length;
      let start = at;
      if (count === undefined) {
        count = reader.size(at, path, "array length");
        start = at + 32;
      }
      const minimum = Math.max(headSize(type.element), 32);
      if (count * minimum > reader.data.length - start) {
        throw new AbiError("ABI_DECODE", `${path}: ${count} elements cannot fit in the remaining data`);
      }
      return decodeSequence(reader, new Array<AbiType>(count).fill(type.element), start, (i) => `${path}[${i}]`);
    }
    case "tuple":
      return decodeSequence(
        reader,
        type.components.map((c) => c.type),
        at,
        (i) => `${path}.${type.components[i]?.name || i}`,
      );
  }
}

/** Decodes `data` as the tuple `(types…)`: function arguments (after the selector) or return data. */
export function decodeParameters(types: readonly AbiType[], data: Uint8Array): AbiValue[] {
  return decodeSequence(new Reader(data), types, 0, (i) => `argument ${i}`);
}
