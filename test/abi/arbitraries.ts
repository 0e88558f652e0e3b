/**
 * fast-check arbitraries for ABI types and values, shared by the ABI round-trip tests and the
 * property suite's sampling. Values lean toward the edges where encoders and arithmetic break
 * (0, 1, -1, the extremes, small numbers); strings are Unicode graphemes.
 */
import fc from "fast-check";
import { type AbiType, type AbiValue, bytesToHex, toChecksumAddress } from "../../src/abi/index.js";

function integer(min: bigint, max: bigint): fc.Arbitrary<bigint> {
  const edges = [min, max, 0n, 1n, -1n, min + 1n, max - 1n].filter((v) => v >= min && v <= max);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.bigInt({ min: min < -16n ? -16n : min, max: max > 16n ? 16n : max }),
    fc.bigInt({ min, max }),
  );
}

export function abiValue(type: AbiType): fc.Arbitrary<AbiValue> {
  switch (type.kind) {
    case "uint":
      return integer(0n, (1n << BigInt(type.bits)) - 1n);
    case "int":
      return integer(-(1n << BigInt(type.bits - 1)), (1n << BigInt(type.bits - 1)) - 1n);
    case "address":
      return fc
        .oneof(fc.constant(new Uint8Array(20)), fc.uint8Array({ minLength: 20, maxLength: 20 }))
        .map((b) => toChecksumAddress(bytesToHex(b)));
    case "bool":
      return fc.boolean();
    case "fixedBytes":
      return fc.uint8Array({ minLength: type.size, maxLength: type.size });
    case "bytes":
      return fc.uint8Array({ maxLength: 80 });
    case "string":
      return fc.string({ unit: "grapheme", maxLength: 12 });
    case "array":
      return fc.array(abiValue(type.element), { minLength: type.length ?? 0, maxLength: type.length ?? 8 });
    case "tuple":
      return fc.tuple(...type.components.map((c) => abiValue(c.type)));
  }
}

export function abiValues(types: readonly AbiType[]): fc.Arbitrary<AbiValue[]> {
  return fc.tuple(...types.map(abiValue));
}

const leafType: fc.Arbitrary<AbiType> = fc.oneof(
  fc.integer({ min: 1, max: 32 }).map((n) => ({ kind: "uint" as const, bits: n * 8 })),
  fc.integer({ min: 1, max: 32 }).map((n) => ({ kind: "int" as const, bits: n * 8 })),
  fc.constant({ kind: "address" as const }),
  fc.constant({ kind: "bool" as const }),
  fc.integer({ min: 1, max: 32 }).map((size) => ({ kind: "fixedBytes" as const, size })),
  fc.constant({ kind: "bytes" as const }),
  fc.constant({ kind: "string" as const }),
);

/** Any ABI type: elementary, arrays (fixed and dynamic) and tuples, nested a few levels. */
export const abiType: fc.Arbitrary<AbiType> = fc.letrec<{ type: AbiType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafType,
    fc
      .record({ element: tie("type"), length: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) })
      .map((a) => ({ kind: "array" as const, ...a })),
    fc.array(tie("type"), { minLength: 1, maxLength: 3 }).map((types) => ({
      kind: "tuple" as const,
      components: types.map((type) => ({ name: "", type })),
    })),
  ),
})).type;
