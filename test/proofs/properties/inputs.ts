/** Random ABI values biased toward the edges where arithmetic properties break (0, 1, extremes, small numbers). */
import fc from "fast-check";
import { type AbiType, type AbiValue, bytesToHex, toChecksumAddress } from "../../../src/abi/index.js";

function integer(min: bigint, max: bigint): fc.Arbitrary<bigint> {
  const edges = [min, max, 0n, 1n, -1n, min + 1n, max - 1n].filter((v) => v >= min && v <= max);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.bigInt({ min: min < -16n ? -16n : min, max: max > 16n ? 16n : max }),
    fc.bigInt({ min, max }),
  );
}

export function valueArbitrary(type: AbiType): fc.Arbitrary<AbiValue> {
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
      return fc.string({ maxLength: 12 });
    case "array":
      return fc.array(valueArbitrary(type.element), { minLength: type.length ?? 0, maxLength: type.length ?? 10 });
    case "tuple":
      return fc.tuple(...type.components.map((c) => valueArbitrary(c.type)));
  }
}

export function argumentsArbitrary(types: readonly AbiType[]): fc.Arbitrary<AbiValue[]> {
  return fc.tuple(...types.map(valueArbitrary));
}
