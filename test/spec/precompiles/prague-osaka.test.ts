/**
 * The precompiles Prague and Osaka add or change: EIP-2537's BLS12-381 operations (results
 * checked against @noble/curves' own group law, encodings and validation by hand), EIP-7951's
 * P256VERIFY (signatures made with @noble/curves' p256 signer), EIP-7823's MODEXP bound and
 * EIP-7883's MODEXP price (worked by hand from the EIP's formula).
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { p256 } from "@noble/curves/nist.js";
import { describe, expect, it } from "vitest";
import { G1_MSM_DISCOUNTS, G2_MSM_DISCOUNTS } from "../../../spec/precompiles/bls12-381-discounts.js";
import { bytesToHex } from "../../../spec/primitives/bytes.js";
import { outputHex, run, word } from "./support.js";

const fp = (value: bigint) => value.toString(16).padStart(128, "0");
const G1 = bls12_381.G1.Point;
const g1Hex = (point: typeof G1.BASE) => {
  const { x, y } = point.toAffine();
  return fp(x) + fp(y);
};

describe("BLS12-381 (EIP-2537)", () => {
  it("G1ADD adds, charges 375 and needs no subgroup membership, only the curve", () => {
    const sum = run(0x0bn, g1Hex(G1.BASE) + g1Hex(G1.BASE), "Prague");
    expect(sum).toMatchObject({ ok: true, gasUsed: 375n });
    expect(outputHex(sum)).toBe(`0x${g1Hex(G1.BASE.double())}`);
    expect(outputHex(run(0x0bn, "00".repeat(256), "Prague"))).toBe(`0x${"00".repeat(128)}`);
    expect(run(0x0bn, g1Hex(G1.BASE), "Prague")).toMatchObject({ ok: false });
    // (0, 2): 2² = 0³ + 4, on the curve, outside the subgroup of order q.
    const offGroup = fp(0n) + fp(2n);
    expect(run(0x0bn, offGroup + "00".repeat(128), "Prague")).toMatchObject({ ok: true });
    expect(run(0x0cn, offGroup + word(1n), "Prague")).toMatchObject({ ok: false });
    expect(run(0x0bn, fp(1n) + fp(1n) + "00".repeat(128), "Prague")).toMatchObject({ ok: false });
  });

  it("G1MSM multiplies by scalars above q and prices k pairs with the discount table", () => {
    const q = G1.Fn.ORDER;
    const msm = run(0x0cn, g1Hex(G1.BASE) + word(q + 5n), "Prague");
    expect(outputHex(msm)).toBe(`0x${g1Hex(G1.BASE.multiply(5n))}`);
    expect(msm).toMatchObject({ gasUsed: 12000n });
    const twoPairs = run(0x0cn, (g1Hex(G1.BASE) + word(2n)).repeat(2), "Prague");
    expect(twoPairs).toMatchObject({ ok: true, gasUsed: (2n * 12000n * 949n) / 1000n });
    expect(run(0x0cn, "", "Prague")).toMatchObject({ ok: false });
  });

  it("has 128 discounts per group ending at the EIP's maxima 519 and 524", () => {
    expect([G1_MSM_DISCOUNTS.length, G2_MSM_DISCOUNTS.length]).toEqual([128, 128]);
    expect([G1_MSM_DISCOUNTS.at(-1), G2_MSM_DISCOUNTS.at(-1)]).toEqual([519, 524]);
  });

  it("refuses a field element at the modulus (top 16 bytes zero, below p)", () => {
    const p = G1.Fp.ORDER;
    expect(run(0x10n, fp(p), "Prague")).toMatchObject({ ok: false });
    expect(run(0x10n, fp(p - 1n), "Prague")).toMatchObject({ ok: true, gasUsed: 5500n });
  });

  it("checks e(P, Q) · e(−P, Q) = 1 and prices 32600 per pair plus 37700", () => {
    const g2 = bls12_381.G2.Point.BASE.toAffine();
    const g2Hex = fp(g2.x.c0) + fp(g2.x.c1) + fp(g2.y.c0) + fp(g2.y.c1);
    const check = run(0x0fn, g1Hex(G1.BASE) + g2Hex + g1Hex(G1.BASE.negate()) + g2Hex, "Prague");
    expect(check).toMatchObject({ ok: true, gasUsed: 2n * 32600n + 37700n });
    expect(outputHex(check)).toBe(`0x${word(1n)}`);
    expect(outputHex(run(0x0fn, g1Hex(G1.BASE) + g2Hex, "Prague"))).toBe(`0x${word(0n)}`);
  });

  it("does not exist before Prague", () => {
    expect(() => run(0x0bn, "", "Cancun")).toThrow(/no precompiled contract/);
  });
});

describe("P256VERIFY (EIP-7951)", () => {
  const secret = p256.utils.randomSecretKey(new Uint8Array(48).fill(7));
  const publicKey = p256.Point.fromBytes(p256.getPublicKey(secret, false)).toAffine();
  const hash = new Uint8Array(32).fill(0xab);
  const signature = p256.Signature.fromBytes(p256.sign(hash, secret, { prehash: false, lowS: false }));
  const input = (r: bigint, s: bigint, x = publicKey.x, y = publicKey.y) => bytesToHex(hash).slice(2) + word(r) + word(s) + word(x) + word(y);

  it("returns 1 for a valid signature, nothing otherwise, always for 6900 gas", () => {
    const valid = run(0x100n, input(signature.r, signature.s), "Osaka");
    expect(valid).toMatchObject({ ok: true, gasUsed: 6900n });
    expect(outputHex(valid)).toBe(`0x${word(1n)}`);
    expect(outputHex(run(0x100n, input(signature.r, signature.s + 1n), "Osaka"))).toBe("0x");
    expect(outputHex(run(0x100n, input(0n, signature.s), "Osaka"))).toBe("0x");
    expect(outputHex(run(0x100n, input(signature.r, signature.s, 0n, 0n), "Osaka"))).toBe("0x");
    expect(outputHex(run(0x100n, input(signature.r, signature.s, publicKey.x, publicKey.y + 1n), "Osaka"))).toBe("0x");
    expect(outputHex(run(0x100n, `${input(signature.r, signature.s)}00`, "Osaka"))).toBe("0x");
    expect(run(0x100n, input(signature.r, signature.s), "Osaka", 6899n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });

  it("does not exist in Prague", () => {
    expect(() => run(0x100n, "", "Prague")).toThrow(/no precompiled contract/);
  });
});

describe("MODEXP in Osaka (EIP-7823, EIP-7883)", () => {
  const header = (base: bigint, exponent: bigint, modulus: bigint) => word(base) + word(exponent) + word(modulus);

  it("prices 2·words² per iteration above 32 bytes, at least 500, without EIP-2565's division", () => {
    // base and modulus of 64 bytes: 8 words, complexity 2·64 = 128; exponent 0xff: 7 iterations.
    const input = header(64n, 1n, 64n) + "00".repeat(64) + "ff" + "00".repeat(63) + "07";
    expect(run(0x05n, input, "Osaka")).toMatchObject({ ok: true, gasUsed: 896n });
    // EIP-2565 (Prague): 8² · 7 / 3 = 149, raised to its floor 200.
    expect(run(0x05n, input, "Prague")).toMatchObject({ ok: true, gasUsed: 200n });
    // Operands of at most 32 bytes cost 16 per iteration: 16 · 1 is below the floor.
    expect(run(0x05n, header(1n, 1n, 1n) + "020307", "Osaka")).toMatchObject({ ok: true, gasUsed: 500n });
  });

  it("counts 16 iterations per exponent byte beyond 32", () => {
    // exponent of 33 bytes whose first 32 are 1 (highest bit 0): 16 · 1 + 0 = 16 iterations, 16 · 16 = 256 → 500.
    // with base/modulus of 40 bytes: 5 words, 2 · 25 = 50 per iteration, 50 · 16 = 800.
    const exponent = "00".repeat(31) + "01" + "00";
    const input = header(40n, 33n, 40n) + "00".repeat(40) + exponent + "00".repeat(39) + "07";
    expect(run(0x05n, input, "Osaka")).toMatchObject({ ok: true, gasUsed: 800n });
  });

  it("fails a length above 1024 bytes in Osaka and accepts it in Prague", () => {
    const input = header(1025n, 1n, 1n) + "00".repeat(1025) + "01" + "07";
    expect(run(0x05n, input, "Osaka")).toMatchObject({ ok: false });
    expect(run(0x05n, input, "Prague")).toMatchObject({ ok: true });
    expect(run(0x05n, header(1024n, 1n, 1n) + "00".repeat(1024) + "01" + "07", "Osaka")).toMatchObject({ ok: true });
  });
});
