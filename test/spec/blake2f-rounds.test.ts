/**
 * The spec's F, computed on 32-bit halves, against a 64-bit BigInt F (the test oracle) for
 * round counts BLAKE2b never uses; EIP-152's own vectors are in test/spec/precompiles/blake2f.test.ts.
 */
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { blake2f } from "../../spec/precompiles/blake2f.js";
import { pseudoRandomInput, referenceF } from "../vm/blake2f-bigint-oracle.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const run = (input: Uint8Array): Uint8Array => blake2f.run(input, SCHEDULES.Cancun);

describe("the spec's BLAKE2F on 32-bit halves against 64-bit arithmetic", () => {
  it("agrees with a BigInt F on random words for round counts around and past the schedule's period", () => {
    for (const rounds of [2, 9, 10, 11, 13, 20, 21, 99, 1000]) {
      for (const seed of [1, 0xdeadbeef, 12345]) {
        const input = pseudoRandomInput(seed + rounds, rounds, seed & 1);
        expect(hex(run(input)), `${rounds} rounds, seed ${seed}`).toBe(hex(referenceF(input)));
      }
    }
  });

  it("carries across halves: every word all ones", () => {
    const input = new Uint8Array(213).fill(0xff);
    new DataView(input.buffer).setUint32(0, 24);
    input[212] = 1;
    expect(hex(run(input))).toBe(hex(referenceF(input)));
  });
});
