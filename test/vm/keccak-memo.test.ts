/**
 * KECCAK256 keeps recent results for inputs of up to 64 bytes (src/vm/operations.ts): a repeated
 * input, a nearby one and the inputs past the limit must all hash exactly as Keccak-256 does.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { describe, expect, it } from "vitest";
import { runCode } from "../../src/vm/run-code.js";

/** CALLDATACOPY the whole input to memory, KECCAK256 over it, return the hash. */
const HASH_INPUT = Uint8Array.from(Buffer.from("36600060003736600020600052602060 00f3".replace(/\s/g, ""), "hex"));

function hashOnSrc(input: Uint8Array): string {
  const result = runCode({ code: HASH_INPUT, input });
  expect(result.status).toBe("success");
  return Buffer.from(result.output).toString("hex");
}

function keccak(input: Uint8Array): string {
  return Buffer.from(keccak_256(input)).toString("hex");
}

describe("KECCAK256 with recent results kept", () => {
  it("hashes every length from 0 to 80 bytes exactly, the first time and again", () => {
    for (let length = 0; length <= 80; length++) {
      const input = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(hashOnSrc(input), `length ${length}`).toBe(keccak(input));
      expect(hashOnSrc(input), `length ${length}, again`).toBe(keccak(input));
      // One bit away from a kept input is a different input.
      if (length > 0) {
        const other = input.slice();
        other[length - 1]! ^= 1;
        expect(hashOnSrc(other), `length ${length}, last bit flipped`).toBe(keccak(other));
      }
    }
  });

  it("stays exact after more distinct inputs than it keeps", () => {
    const first = new Uint8Array(32);
    const expected = keccak(first);
    for (let i = 0; i < 5000; i++) {
      const input = new Uint8Array(32);
      new DataView(input.buffer).setUint32(28, i + 1);
      if (i % 997 === 0) expect(hashOnSrc(input)).toBe(keccak(input));
      else hashOnSrc(input);
    }
    expect(hashOnSrc(first)).toBe(expected);
  });
});
