/**
 * The Prague and Osaka precompiles against the vectors their EIPs publish (EIP-2537 BLS12-381,
 * EIP-7951 P256VERIFY; copies in test/vm/vectors name their source) and EIP-7883's price table.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bigIntToBytes, bytesToHex, concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { type ForkSchedule, scheduleOf } from "../../src/vm/forks.js";
import { precompileAt, type PrecompileResult } from "../../src/vm/precompiles/index.js";

const cancun = scheduleOf("Cancun");
const prague = scheduleOf("Prague");
const osaka = scheduleOf("Osaka");

function call(address: number, input: Uint8Array, gas: number, fork: ForkSchedule): PrecompileResult {
  const precompile = precompileAt(BigInt(address), fork);
  if (precompile === undefined) throw new Error(`no precompile at 0x${address.toString(16)} in ${fork.name}`);
  return precompile(input, gas, fork);
}

interface Eip2537Vectors {
  readonly valid: readonly { precompile: string; name: string; input: string; expected: string; gas: number }[];
  readonly invalid: readonly { precompile: string; name: string; input: string; error: string }[];
}

interface Eip7951Vectors {
  readonly vectors: readonly { name: string; input: string; expected: string }[];
}

function vectors<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./vectors/${file}`, import.meta.url), "utf8")) as T;
}

const bls = vectors<Eip2537Vectors>("eip2537.json");
const p256 = vectors<Eip7951Vectors>("eip7951.json");

describe("fork activation", () => {
  it("enables 0x0b-0x11 from Prague and 0x100 from Osaka", () => {
    for (let address = 0x0b; address <= 0x11; address++) {
      expect(precompileAt(BigInt(address), cancun)).toBeUndefined();
      expect(precompileAt(BigInt(address), prague)).toBeDefined();
    }
    expect(precompileAt(0x12n, osaka)).toBeUndefined();
    expect(precompileAt(0x100n, prague)).toBeUndefined();
    expect(precompileAt(0x100n, osaka)).toBeDefined();
  });
});

describe("EIP-2537 BLS12-381 precompiles", () => {
  it.each(bls.valid.map((v) => [`0x${v.precompile} ${v.name}`, v] as const))("%s", (_name, v) => {
    const address = parseInt(v.precompile, 16);
    const input = hexToBytes(`0x${v.input}`);
    const result = call(address, input, 10_000_000, prague);
    if (typeof result === "string") throw new Error(`precompile: ${result}`);
    expect(bytesToHex(result.output)).toBe(`0x${v.expected}`);
    expect(result.gasUsed).toBe(v.gas);
    expect(call(address, input, v.gas - 1, prague)).toBe("out of gas");
  });

  it.each(bls.invalid.map((v) => [`0x${v.precompile} ${v.name} (${v.error})`, v] as const))("fails on %s", (_name, v) => {
    expect(call(parseInt(v.precompile, 16), hexToBytes(`0x${v.input}`), 10_000_000, prague)).toBe("failure");
  });

  it("fails MSM and pairing on empty input, pricing the MSM at zero pairs as 0", () => {
    expect(call(0x0c, new Uint8Array(0), 10_000_000, prague)).toBe("failure");
    expect(call(0x0e, new Uint8Array(0), 10_000_000, prague)).toBe("failure");
    expect(call(0x0f, new Uint8Array(0), 10_000_000, prague)).toBe("failure");
  });

  it("prices MSMs with the discount table, capped past 128 pairs", () => {
    // Infinity points with scalar 0 are valid inputs; only the price differs with k.
    const g1Pairs = (k: number): Uint8Array => new Uint8Array(160 * k);
    const g2Pairs = (k: number): Uint8Array => new Uint8Array(288 * k);
    const gasOf = (result: PrecompileResult): number => (typeof result === "string" ? -1 : result.gasUsed);
    expect(gasOf(call(0x0c, g1Pairs(2), 10_000_000, prague))).toBe(Math.floor((2 * 12000 * 949) / 1000));
    expect(gasOf(call(0x0c, g1Pairs(128), 10_000_000, prague))).toBe(Math.floor((128 * 12000 * 519) / 1000));
    expect(gasOf(call(0x0c, g1Pairs(129), 10_000_000, prague))).toBe(Math.floor((129 * 12000 * 519) / 1000));
    expect(gasOf(call(0x0e, g2Pairs(2), 10_000_000, prague))).toBe(2 * 22500);
    expect(gasOf(call(0x0e, g2Pairs(130), 10_000_000, prague))).toBe(Math.floor((130 * 22500 * 524) / 1000));
    expect(gasOf(call(0x0f, new Uint8Array(384 * 3), 10_000_000, prague))).toBe(37700 + 3 * 32600);
  });
});

describe("EIP-7951 P256VERIFY", () => {
  it.each(p256.vectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const result = call(0x100, hexToBytes(`0x${v.input}`), 10_000, osaka);
    expect(result).toEqual({ gasUsed: 6900, output: hexToBytes(`0x${v.expected}`) });
  });

  it("returns nothing at the full price for a wrong length, and fails only below 6900 gas", () => {
    const valid = hexToBytes(`0x${p256.vectors.find((v) => v.expected !== "")!.input}`);
    expect(call(0x100, valid.subarray(0, 159), 6900, osaka)).toEqual({ gasUsed: 6900, output: new Uint8Array(0) });
    expect(call(0x100, concatBytes(valid, Uint8Array.of(0)), 6900, osaka)).toEqual({ gasUsed: 6900, output: new Uint8Array(0) });
    expect(call(0x100, valid, 6899, osaka)).toBe("out of gas");
  });

  it("rejects r = 0 and a public key at (0, 0)", () => {
    const valid = hexToBytes(`0x${p256.vectors.find((v) => v.expected !== "")!.input}`);
    const zeroR = concatBytes(valid.subarray(0, 32), new Uint8Array(32), valid.subarray(64));
    const zeroKey = concatBytes(valid.subarray(0, 96), new Uint8Array(64));
    expect(call(0x100, zeroR, 6900, osaka)).toEqual({ gasUsed: 6900, output: new Uint8Array(0) });
    expect(call(0x100, zeroKey, 6900, osaka)).toEqual({ gasUsed: 6900, output: new Uint8Array(0) });
  });
});

describe("EIP-7823 and EIP-7883 modexp", () => {
  const word = (value: bigint): Uint8Array => bigIntToBytes(value, 32);
  /** An input with the given lengths; the price reads only the lengths and the exponent. */
  function modexpInput(baseLength: number, exponent: Uint8Array, modulusLength: number): Uint8Array {
    return concatBytes(
      word(BigInt(baseLength)),
      word(BigInt(exponent.length)),
      word(BigInt(modulusLength)),
      new Uint8Array(baseLength).fill(0x5a),
      exponent,
      new Uint8Array(modulusLength).fill(0xa5),
    );
  }
  const gasOf = (result: PrecompileResult): number => (typeof result === "string" ? -1 : result.gasUsed);

  // EIP-7883 "Test Cases": nagydani_n has base and modulus of 64·2^(n-1) bytes; square is e = 2, pow0x10001 e = 65537.
  it.each([
    [1, "square", 500],
    [1, "pow0x10001", 2048],
    [2, "square", 512],
    [2, "pow0x10001", 8192],
    [3, "square", 2048],
    [4, "pow0x10001", 131072],
    [5, "square", 32768],
    [5, "pow0x10001", 524288],
  ] as const)("prices nagydani_%i_%s at %i", (n, kind, price) => {
    const length = 64 * 2 ** (n - 1);
    const exponent = kind === "square" ? Uint8Array.of(2) : Uint8Array.of(1, 0, 1);
    expect(gasOf(call(5, modexpInput(length, exponent, length), 10_000_000, osaka))).toBe(price);
  });

  it("counts exponent bytes past 32 at 16 each and charges at least 500", () => {
    const exponent = concatBytes(Uint8Array.of(1), new Uint8Array(32)); // 33 bytes, head bit length 249
    expect(gasOf(call(5, modexpInput(8, exponent, 8), 10_000_000, osaka))).toBe(16 * (16 * 1 + 248));
    expect(gasOf(call(5, modexpInput(1, Uint8Array.of(3), 1), 10_000_000, osaka))).toBe(500);
    expect(gasOf(call(5, modexpInput(1, Uint8Array.of(3), 1), 10_000_000, prague))).toBe(200);
  });

  it("fails when a length exceeds 1024 bytes in Osaka, not before", () => {
    const tooLong = modexpInput(1025, Uint8Array.of(1), 1);
    expect(call(5, tooLong, 10_000_000, osaka)).toBe("failure");
    expect(call(5, modexpInput(1024, Uint8Array.of(1), 1), 10_000_000, osaka)).not.toBe("failure");
    expect(call(5, tooLong, 10_000_000, prague)).not.toBe("failure");
  });
});
