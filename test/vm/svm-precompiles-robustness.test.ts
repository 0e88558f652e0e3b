/**
 * docs/extensions.md's promise for malformed input, on src/vm: every SVM precompile answers by its
 * one rule (N: a digest; F: a refusal, never "out of gas" when the gas suffices; V: a 32-byte word,
 * 0 for anything not a valid signature) and never throws — random lengths, and random bytes of the
 * lengths the layouts expect, so that the parsers and the libraries behind them are reached.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigIntToBytes } from "../../src/vm/bytes.js";
import { callSvm, svm } from "./svm-call.js";

const HASHES = [0x010001, 0x010002, 0x010003, 0x010004];
const AES_GCM = 0x010010;
const SVM_ADDRESSES = svm.precompiles.filter((address) => address >= 0x010000);

/** Input lengths that pass each layout's length checks, so random bytes reach decoding and verification. */
const LAYOUT_LENGTHS: Readonly<Record<number, readonly number[]>> = {
  [AES_GCM]: [92, 124],
  0x010020: [96, 128],
  0x010021: [96, 128],
  0x010022: [64 + 2 * 256 + 3, 64 + 2 * 256 + 3 + 32],
  0x010023: [64 + 2 * 256 + 3],
  0x010030: [144, 176],
  0x010031: [176, 256],
  0x010032: [176, 224],
  0x010040: [32 + 2420 + 1312],
  0x010041: [32 + 3309 + 1952],
  0x010042: [32 + 4627 + 2592],
  0x010044: [32 + 7856 + 32],
  0x010045: [32 + 17088 + 32],
  0x010046: [32 + 7856 + 32],
  0x010047: [32 + 17088 + 32],
  0x010048: [897 + 666, 897 + 666 + 32],
  0x010049: [1793 + 1280 + 32],
  0x010050: [34 + 128 + 2420 + 1312, 34 + 96 + 897 + 666],
};

/** Headers the parsers accept: a 2048-bit RSA modulus with a 3-byte exponent; hybrid ids matching the length; aadLen 0. */
function shaped(address: number, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  if ((address === 0x010022 || address === 0x010023) && out.length >= 64) {
    out.set(bigIntToBytes(256n, 32), 0);
    out.set(bigIntToBytes(3n, 32), 32);
  }
  if (address === 0x010050 && out.length >= 2) out.set(out.length === 34 + 128 + 2420 + 1312 ? [0x01, 0x01] : [0x03, 0x08], 0);
  if (address === AES_GCM && out.length >= 76) out.set(bigIntToBytes(0n, 32), 44);
  return out;
}

function answersByItsRule(address: number, input: Uint8Array): void {
  const result = callSvm(address, input);
  if (address === AES_GCM) {
    expect(result).toBe("failure");
    return;
  }
  expect(typeof result).toBe("object");
  if (typeof result === "string") return;
  if (HASHES.includes(address)) expect(result.output.length).toBeGreaterThanOrEqual(32);
  else expect(result.output).toEqual(new Uint8Array(32));
}

describe("every SVM precompile on arbitrary input", () => {
  it("lists 22 SVM addresses, each with a layout or a hash", () => {
    expect(SVM_ADDRESSES).toHaveLength(22);
    for (const address of SVM_ADDRESSES) expect(HASHES.includes(address) || LAYOUT_LENGTHS[address] !== undefined).toBe(true);
  });

  it.each(SVM_ADDRESSES.map((address) => [`0x${address.toString(16)}`, address]))("%s: random lengths", (_name, address) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (input) => answersByItsRule(address, input)), { numRuns: 25, seed: 11 });
  });

  it.each(
    SVM_ADDRESSES.filter((address) => LAYOUT_LENGTHS[address] !== undefined).map((address) => [`0x${address.toString(16)}`, address]),
  )("%s: random bytes of the layout's lengths", (_name, address) => {
    const lengths = LAYOUT_LENGTHS[address]!;
    const input = fc.constantFrom(...lengths).chain((length) => fc.uint8Array({ minLength: length, maxLength: length }));
    fc.assert(fc.property(input, (bytes) => answersByItsRule(address, shaped(address, bytes))), { numRuns: 4, seed: 11 });
  });
});
