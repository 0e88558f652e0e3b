/**
 * ABI encoding (Solidity ABI specification, "Formal Specification of the Encoding"): a tuple is its
 * heads followed by its tails; a dynamic member's head is the byte offset of its tail from the
 * start of the tuple. Every value is checked against its type before a byte is written.
 */
import { parseAddress } from "./address.js";
import { AbiError } from "./errors.js";
import { bigIntToWord, concatBytes, hexToBytes } from "./hex.js";
import { describe, integerRange, toBigInt, toWordValue } from "./integers.js";
import { type AbiType, canonicalType, isDynamic } from "./types.js";
import type { AbiInput } from "./values.js";

/** `bytes` padded with zeros on the right to a multiple of 32. */
function padRight(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bytes.length / 32) * 32);
  out.set(bytes);
  return out;
}

function toBytes(input: AbiInput, path: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (typeof input === "string") return hexToBytes(input, path);
  throw new AbiError("ABI_ENCODE", `${path}: expected bytes (Uint8Array or 0x hex), got ${describe(input)}`);
}

function asList(input: AbiInput, path: string, type: AbiType): readonly AbiInput[] {
  if (Array.isArray(input)) return input as readonly AbiInput[];
  throw new AbiError("ABI_ENCODE", `${path}: expected an array for ${canonicalType(type)}, got ${describe(input)}`);
}

/** Tuple members from a positional array or from an object keyed by member name. */
function tupleMembers(type: Extract<AbiType, { kind: "tuple" }>, input: AbiInput, path: string): readonly AbiInput[] {
  const count = type.components.length;
  if (Array.isArray(input)) {
    if (input.length !== count) {
      throw new AbiError("ABI_ENCODE", `${path}: tuple has ${count} members, got ${input.length} values`);
    }
    return input as readonly AbiInput[];
  }
  if (typeof input === "object" && input !== null && !(input instanceof Uint8Array)) {
    const record = input as { readonly [member: string]: AbiInput };
    return type.components.map((c, i) => {
      if (c.name === "") throw new AbiError("ABI_ENCODE", `${path}: member ${i} is unnamed; pass the tuple as an array`);
      const value = record[c.name];
      if (value === undefined) throw new AbiError("ABI_ENCODE", `${path}: missing member '${c.name}'`);
      return value;
    });
  }
  throw new AbiError("ABI_ENCODE", `${path}: expected a tuple (array or object), got ${describe(input)}`);
}

function encodeSequence(types: readonly AbiType[], values: readonly AbiInput[], path: (i: number) => string): Uint8Array {
  const encoded = types.map((t, i) => encodeValue(t, values[i] as AbiInput, path(i)));
  const headLength = types.reduce((n, t, i) => n + (isDynamic(t) ? 32 : (encoded[i] as Uint8Array).length), 0);
  const heads: Uint8Array[] = [];
  const tails: Uint8Array[] = [];
  let tailOffset = headLength;
  types.forEach((t, i) => {
    const body = encoded[i] as Uint8Array;
    if (isDynamic(t)) {
      heads.push(bigIntToWord(BigInt(tailOffset)));
      tails.push(body);
      tailOffset += body.length;
    } else {
      heads.push(body);
    }
  });
  return concatBytes(...heads, ...tails);
}

function encodeValue(type: AbiType, input: AbiInput, path: string): Uint8Array {
  switch (type.kind) {
    case "uint":
    case "int": {
      const value = toBigInt(input, path);
      const { min, max } = integerRange(type.kind, type.bits);
      if (value < min || value > max) {
        throw new AbiError("ABI_ENCODE", `${path}: ${value} is out of range for ${canonicalType(type)}`);
      }
      return bigIntToWord(toWordValue(value));
    }
    case "address":
      if (typeof input !== "string") throw new AbiError("ABI_ENCODE", `${path}: expected a 0x address, got ${describe(input)}`);
      return bigIntToWord(parseAddress(input, path));
    case "bool":
      if (typeof input !== "boolean") throw new AbiError("ABI_ENCODE", `${path}: expected a boolean, got ${describe(input)}`);
      return bigIntToWord(input ? 1n : 0n);
    case "fixedBytes": {
      const bytes = toBytes(input, path);
      if (bytes.length !== type.size) {
        throw new AbiError("ABI_ENCODE", `${path}: bytes${type.size} needs exactly ${type.size} bytes, got ${bytes.length}`);
      }
      return padRight(bytes);
    }
    case "bytes":
    case "string": {
      let bytes: Uint8Array;
      if (type.kind === "bytes") bytes = toBytes(input, path);
      else if (typeof input === "string") bytes = new TextEncoder().encode(input);
      else throw new AbiError("ABI_ENCODE", `${path}: expected a string, got ${describe(input)}`);
      return concatBytes(bigIntToWord(BigInt(bytes.length)), padRight(bytes));
    }
    case "array": {
      const items = asList(input, path, type);
      if (type.length !== undefined && items.length !== type.length) {
        throw new AbiError("ABI_ENCODE", `${path}: ${canonicalType(type)} needs ${type.length} elements, got ${items.length}`);
      }
      const body = encodeSequence(items.map(() => type.element), items, (i) => `${path}[${i}]`);
      return type.length === undefined ? concatBytes(bigIntToWord(BigInt(items.length)), body) : body;
    }
    case "tuple": {
      const members = tupleMembers(type, input, path);
      return encodeSequence(
        type.components.map((c) => c.type),
        members,
        (i) => `${path}.${type.components[i]?.name || i}`,
      );
    }
  }
}

/** Encodes `values` as the tuple `(types…)`, as function arguments and return data are encoded. */
export function encodeParameters(types: readonly AbiType[], values: readonly AbiInput[]): Uint8Array {
  if (types.length !== values.length) {
    throw new AbiError("ABI_ENCODE", `expected ${types.length} values, got ${values.length}`);
  }
  return encodeSequence(types, values, (i) => `argument ${i}`);
}
