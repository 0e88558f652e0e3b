/**
 * ABI values as fast-check arbitraries, biased to what finds bugs in contracts: the type's edge
 * values (shared with `svm prove`'s input samples), amounts of ether and small numbers, and the
 * addresses of the campaign's actors.
 */
import fc from "fast-check";
import { edgeValues } from "../../../proofs/concrete/input-samples.js";
import type { AbiInput } from "../../abi/index.js";
import { canonicalType } from "../../abi/index.js";
import { fromWordSigned } from "../../abi/integers.js";
import type { AbiType } from "../../abi/types.js";
import { ETHER } from "./actors.js";

/** Amounts a bank or token is likely to see, so that a deposit and a withdrawal can meet. */
export const AMOUNTS: readonly bigint[] = [1n, ETHER / 10n, ETHER, 2n * ETHER, 5n * ETHER, 10n * ETHER];

function integer(type: AbiType & { kind: "uint" | "int" }): fc.Arbitrary<bigint> {
  const edges = edgeValues(canonicalType(type)).map((word) => (type.kind === "int" ? fromWordSigned(word) : word));
  const max = (1n << BigInt(type.kind === "uint" ? type.bits : type.bits - 1)) - 1n;
  const min = type.kind === "uint" ? 0n : -max - 1n;
  const inRange = (values: readonly bigint[]) => values.filter((v) => v >= min && v <= max);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...inRange(AMOUNTS)) },
    { weight: 3, arbitrary: fc.bigInt({ min: min > -5n ? min : -5n, max: max < 20n ? max : 20n }) },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.bigInt({ min, max }) },
  );
}

/** An arbitrary for values of `type`; `addresses` are the accounts the caller may name. */
export function valueArbitrary(type: AbiType, addresses: readonly string[]): fc.Arbitrary<AbiInput> {
  switch (type.kind) {
    case "uint":
    case "int":
      return integer(type);
    case "address":
      return fc.constantFrom(...addresses);
    case "bool":
      return fc.boolean();
    case "fixedBytes":
      return fc.oneof(fc.constant(new Uint8Array(type.size)), fc.uint8Array({ minLength: type.size, maxLength: type.size }));
    case "bytes":
      return fc.uint8Array({ maxLength: 40 });
    case "string":
      return fc.string({ maxLength: 12 });
    case "array": {
      const element = valueArbitrary(type.element, addresses);
      return type.length === undefined
        ? fc.array(element, { maxLength: 3 })
        : fc.array(element, { minLength: type.length, maxLength: type.length });
    }
    case "tuple":
      return fc.tuple(...type.components.map((c) => valueArbitrary(c.type, addresses)));
  }
}

export function argumentsArbitrary(types: readonly AbiType[], addresses: readonly string[]): fc.Arbitrary<AbiInput[]> {
  return fc.tuple(...types.map((t) => valueArbitrary(t, addresses)));
}
