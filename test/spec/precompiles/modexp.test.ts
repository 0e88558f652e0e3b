import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { modexpGasCost } from "../../../spec/precompiles/modexp.js";
import { hexToBytes } from "../../../spec/primitives/bytes.js";
import { outputHex, run, word } from "./support.js";

const SECP256K1_P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
const SECP256K1_P_MINUS_1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";

function header(baseLength: bigint, exponentLength: bigint, modulusLength: bigint): string {
  return word(baseLength) + word(exponentLength) + word(modulusLength);
}

function gas(inputHex: string, fork: "Byzantium" | "Berlin"): bigint {
  return modexpGasCost(hexToBytes(inputHex), SCHEDULES[fork]);
}

describe("MODEXP (0x05), EIP-198's examples", () => {
  const fermat = header(1n, 32n, 32n) + "03" + SECP256K1_P_MINUS_1 + SECP256K1_P;

  it("computes 3^(p−1) mod p = 1 (Fermat) as a 32-byte word, for 13056 gas before Berlin", () => {
    expect(outputHex(run(5n, fermat, "Byzantium"))).toBe("0x" + word(1n));
    expect(gas(fermat, "Byzantium")).toBe(13056n);
  });

  it("reads no base when the base length is 0, so 0^(p−1) mod p = 0", () => {
    const input = header(0n, 32n, 32n) + SECP256K1_P_MINUS_1 + SECP256K1_P;
    expect(outputHex(run(5n, input))).toBe("0x" + word(0n));
  });

  it("fails for want of gas when the modulus length is 2^256 − 1, without allocating it", () => {
    const input = word(0n) + word(32n) + "ff".repeat(32) + "ff".repeat(31) + "fe" + "ff".repeat(31) + "fd";
    expect(run(5n, input, "Byzantium", 10n ** 18n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(5n, input, "Cancun", 10n ** 18n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });

  it("ignores data past the modulus, and zero-pads a modulus cut short", () => {
    const expected = "0x" + (3n ** 65535n % 2n ** 255n).toString(16).padStart(64, "0");
    const withExtra = header(1n, 2n, 32n) + "03" + "ffff" + "80" + "00".repeat(31) + "07";
    const cutShort = header(1n, 2n, 32n) + "03" + "ffff" + "80";
    expect(outputHex(run(5n, withExtra))).toBe(expected);
    expect(outputHex(run(5n, cutShort))).toBe(expected);
  });
});

describe("MODEXP results", () => {
  it("returns modulus-length zeros for a zero modulus, and nothing for an empty one", () => {
    expect(outputHex(run(5n, header(1n, 1n, 3n) + "05" + "03" + "000000"))).toBe("0x000000");
    expect(outputHex(run(5n, header(1n, 1n, 0n) + "05" + "03"))).toBe("0x");
    expect(outputHex(run(5n, ""))).toBe("0x");
  });

  it("takes x^0 mod m = 1 mod m (so 0 for m = 1)", () => {
    expect(outputHex(run(5n, header(1n, 0n, 1n) + "07" + "05"))).toBe("0x01");
    expect(outputHex(run(5n, header(1n, 0n, 1n) + "07" + "01"))).toBe("0x00");
    expect(outputHex(run(5n, header(0n, 0n, 2n) + "0100"))).toBe("0x0001");
  });

  it("left-pads the result to the modulus length and takes big operands", () => {
    const base = 0x1234567890abcdefn;
    const exponent = 65537n;
    const modulus = (1n << 512n) - 569n;
    const input = header(8n, 3n, 64n) + word(base).slice(48) + "010001" + modulus.toString(16).padStart(128, "0");
    const expected = base ** exponent % modulus;
    expect(outputHex(run(5n, input))).toBe("0x" + expected.toString(16).padStart(128, "0"));
  });

  it("reduces a base larger than the modulus", () => {
    expect(outputHex(run(5n, header(2n, 1n, 1n) + "ffff" + "02" + "07"))).toBe("0x" + ((0xffffn ** 2n) % 7n).toString(16).padStart(2, "0"));
  });
});

describe("MODEXP pricing", () => {
  // go-ethereum's "nagydani" inputs: base and modulus of n bytes, exponent 2, 3 or 0x010001.
  function nagydani(bytes: number, exponent: string): string {
    return header(BigInt(bytes), BigInt(exponent.length / 2), BigInt(bytes)) + "ff".repeat(bytes) + exponent + "ff".repeat(bytes);
  }

  it("prices by EIP-198 before Berlin and by EIP-2565 from Berlin (the EIP-2565 table)", () => {
    // [bytes, exponent, EIP-198 gas, EIP-2565 gas], derived from each EIP's formula.
    const table: [number, string, bigint, bigint][] = [
      [64, "02", 204n, 200n],
      [64, "03", 204n, 200n],
      [64, "010001", 3276n, 341n],
      [128, "02", 665n, 200n],
      [128, "010001", 10649n, 1365n],
      [256, "03", 1894n, 341n],
      [256, "010001", 30310n, 5461n],
      [512, "02", 5580n, 1365n],
      [512, "010001", 89292n, 21845n],
      [1024, "03", 17868n, 5461n],
      [1024, "010001", 285900n, 87381n],
    ];
    for (const [bytes, exponent, eip198, eip2565] of table) {
      expect(gas(nagydani(bytes, exponent), "Byzantium")).toBe(eip198);
      expect(gas(nagydani(bytes, exponent), "Berlin")).toBe(eip2565);
    }
  });

  it("counts exponent bytes beyond the first 32 as 8 each (EIP-198's 100-byte example)", () => {
    // EIP-198's example exponent \x00\x00\x01\x00…\x00 of 100 bytes: its first 32 bytes are 2^232,
    // so the adjusted length is 8 × 68 + 232 = 776 (the EIP's text says 253 for the bit index,
    // counting from the wrong end; its own definition, "index of the highest bit", gives 232).
    const exponent = "0000" + "01" + "00".repeat(97);
    const input = header(1n, 100n, 1n) + "02" + exponent + "05";
    // mult_complexity(1) = 1, so the EIP-198 price is floor(776 / 20).
    expect(gas(input, "Byzantium")).toBe(38n);
    // One 8-byte word squared, times 776, over 3.
    expect(gas(input, "Berlin")).toBe(258n);
  });

  it("counts a long exponent whose first 32 bytes are zero as exactly 8 × (length − 32)", () => {
    const input = header(64n, 40n, 64n);
    expect(gas(input, "Byzantium")).toBe((4096n * 64n) / 20n);
  });

  it("charges the EIP-2565 minimum of 200, and nothing under EIP-198 for empty operands", () => {
    expect(gas("", "Berlin")).toBe(200n);
    expect(gas("", "Byzantium")).toBe(0n);
    expect(gas(header(0n, 2n ** 255n, 0n), "Berlin")).toBe(200n);
    expect(outputHex(run(5n, header(0n, 2n ** 255n, 0n), "Berlin", 200n))).toBe("0x");
  });

  it("succeeds with empty output for a paid-for 2 GiB exponent and no modulus, reading none of it", () => {
    const input = header(1n, 2n ** 31n, 0n) + "03";
    // mult_complexity(1) × 8 × (2^31 − 32) / 20.
    expect(gas(input, "Byzantium")).toBe(858993446n);
    expect(run(5n, input, "Byzantium", 858993446n)).toEqual({ ok: true, gasUsed: 858993446n, output: new Uint8Array(0) });
    expect(run(5n, input, "Byzantium", 858993445n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });

  it("uses the larger of base and modulus lengths, rounding EIP-2565's words up", () => {
    // 9 bytes are 2 words: 2² × 7 (the highest bit of 0xff) / 3 = 9, raised to the minimum 200.
    expect(gas(header(9n, 1n, 1n) + "00".repeat(9) + "ff" + "01", "Berlin")).toBe(200n);
    // 300 bytes are 38 words.
    expect(gas(header(1n, 1n, 300n) + "02" + "ff", "Berlin")).toBe((38n * 38n * 7n) / 3n);
    expect(gas(header(300n, 1n, 1n) + "00".repeat(300) + "ff", "Byzantium")).toBe(((300n * 300n) / 4n + 96n * 300n - 3072n) * 7n / 20n);
    expect(gas(header(2000n, 1n, 1n) + "00".repeat(2000) + "ff", "Byzantium")).toBe(((2000n * 2000n) / 16n + 480n * 2000n - 199680n) * 7n / 20n);
  });

  it("fails one gas short of the price and succeeds at it", () => {
    const input = nagydani(64, "010001");
    expect(run(5n, input, "Berlin", 340n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(5n, input, "Berlin", 341n)).toMatchObject({ ok: true, gasUsed: 341n });
  });

  it("prices huge lengths without reading them", () => {
    const huge = header(2n ** 256n - 1n, 2n ** 256n - 1n, 2n ** 256n - 1n);
    expect(gas(huge, "Berlin")).toBeGreaterThan(2n ** 256n);
    expect(run(5n, huge, "Cancun", 2n ** 64n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});
