/** Concrete input samples: every value lies in its ABI type's range, edge values come first, and a seed fixes the samples. */
import { describe, expect, it } from "vitest";
import { edgeValues, SampleRandom, sampleInputs } from "../../proofs/concrete/input-samples.js";
import type { InputWord } from "../../proofs/calldata.js";
import type { Bv } from "../../proofs/z3/context.js";

const MAX = (1n << 256n) - 1n;
const input = (type: string): InputWord => ({ word: undefined as unknown as Bv, type });

/** Whether a 256-bit word is a valid ABI encoding of a value of the type. */
function inRange(type: string, word: bigint): boolean {
  if (word < 0n || word > MAX) return false;
  const uint = /^uint(\d*)$/.exec(type);
  if (uint !== null) return word < 1n << BigInt(uint[1] === "" ? 256 : Number(uint[1]));
  const int = /^int(\d*)$/.exec(type);
  if (int !== null) {
    const bits = BigInt(int[1] === "" ? 256 : Number(int[1]));
    const value = word >> 255n === 1n ? word - (1n << 256n) : word;
    return value >= -(1n << (bits - 1n)) && value < 1n << (bits - 1n);
  }
  if (type === "bool") return word <= 1n;
  if (type === "address") return word < 1n << 160n;
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed !== null) return (word & ((1n << BigInt(256 - 8 * Number(fixed[1]))) - 1n)) === 0n;
  return true;
}

const TYPES = ["uint8", "uint64", "uint256", "int8", "int128", "int256", "bool", "address", "bytes1", "bytes4", "bytes32", "bytes"];

describe("input samples", () => {
  it("keep every value in its type's range", () => {
    const inputs = TYPES.map(input);
    for (const sample of sampleInputs(inputs, 500, new SampleRandom(42n))) {
      sample.forEach((value, i) => expect(inRange(TYPES[i]!, value), `${TYPES[i]} ${value}`).toBe(true));
    }
    for (const type of TYPES) for (const value of edgeValues(type)) expect(inRange(type, value), `${type} edge ${value}`).toBe(true);
  });

  it("start with all zeros, and reach each type's extremes", () => {
    const samples = sampleInputs([input("uint8"), input("int8")], 200, new SampleRandom(7n));
    expect(samples[0]).toEqual([0n, 0n]);
    const seen = (i: number) => new Set(samples.map((s) => s[i]));
    expect(seen(0).has(255n)).toBe(true);
    expect(seen(1).has(MAX - 127n)).toBe(true); // int8 -128
    expect(seen(1).has(127n)).toBe(true);
  });

  it("are the same for the same seed, and differ for another", () => {
    const inputs = [input("uint256"), input("address")];
    expect(sampleInputs(inputs, 50, new SampleRandom(1n))).toEqual(sampleInputs(inputs, 50, new SampleRandom(1n)));
    expect(sampleInputs(inputs, 50, new SampleRandom(1n))).not.toEqual(sampleInputs(inputs, 50, new SampleRandom(2n)));
  });
});
