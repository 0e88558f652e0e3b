import { bn254 } from "@noble/curves/bn254.js";
import { describe, expect, it } from "vitest";
import { BN254_FIELD_MODULUS, BN254_GROUP_ORDER } from "../../../spec/precompiles/bn254-points.js";
import { add, encode, GENERATOR, multiply, negate, P, R, type Affine } from "./bn254-affine.js";
import { twistPointOutsideG2 } from "../../support/bn254-twist.js";
import { outputHex, run, word } from "./support.js";

const INFINITY = "00".repeat(64);
const G1 = encode(GENERATOR);

/** EIP-197's generator of G2, each F_p² coordinate written imaginary part first. */
const G2 =
  word(11559732032986387107991004021392285783925812861821192530917403151452391805634n) +
  word(10857046999023057135944570762232829481370756359578518086990519993285655852781n) +
  word(4082367875863433681332203403145435568316851327593401208105741076214120093531n) +
  word(8495653923123431417604973247489272438418190587263600148770280649306958101930n);
const G2_INFINITY = "00".repeat(128);

type G2Affine = { x: [bigint, bigint]; y: [bigint, bigint] };

/** Encodes a noble G2 point as EIP-197 does (imaginary, real for x, then for y). */
function encodeG2(point: InstanceType<typeof bn254.G2.Point>): string {
  const { x, y } = point.toAffine();
  return word(x.c1) + word(x.c0) + word(y.c1) + word(y.c0);
}

function encodeG2Affine({ x, y }: G2Affine): string {
  return word(x[1]) + word(x[0]) + word(y[1]) + word(y[0]);
}

function failureReason(result: ReturnType<typeof run>): string {
  if (result.ok) throw new Error("expected the precompile to fail");
  return result.reason;
}

describe("bn254 constants", () => {
  it("match the curve @noble/curves implements", () => {
    expect(BN254_FIELD_MODULUS).toBe(P);
    expect(BN254_GROUP_ORDER).toBe(R);
    expect(bn254.fields.Fp.ORDER).toBe(P);
    expect(bn254.fields.Fr.ORDER).toBe(R);
  });
});

describe("ECADD (0x06)", () => {
  const twoG = multiply(GENERATOR, 2n);

  it("doubles the generator to the well-known 2G", () => {
    expect(twoG).toEqual({
      x: 0x030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3n,
      y: 0x15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4n,
    });
    expect(outputHex(run(6n, G1 + G1))).toBe("0x" + encode(twoG));
  });

  it("adds distinct points as the chord rule says", () => {
    const a = multiply(GENERATOR, 123456789n);
    const b = multiply(GENERATOR, 2n ** 200n + 17n);
    expect(outputHex(run(6n, encode(a) + encode(b)))).toBe("0x" + encode(add(a, b)));
  });

  it("treats (0, 0) as infinity, the identity", () => {
    expect(outputHex(run(6n, G1 + INFINITY))).toBe("0x" + G1);
    expect(outputHex(run(6n, INFINITY + G1))).toBe("0x" + G1);
    expect(outputHex(run(6n, INFINITY + INFINITY))).toBe("0x" + INFINITY);
    expect(outputHex(run(6n, G1 + encode(negate(GENERATOR))))).toBe("0x" + INFINITY);
  });

  it("zero-pads short input and ignores input past 128 bytes", () => {
    expect(outputHex(run(6n, ""))).toBe("0x" + INFINITY);
    expect(outputHex(run(6n, G1))).toBe("0x" + G1);
    expect(outputHex(run(6n, G1 + G1 + "ff".repeat(40)))).toBe("0x" + encode(twoG));
  });

  it("fails for a point off the curve or a coordinate not below p", () => {
    expect(failureReason(run(6n, word(1n) + word(3n) + G1))).toMatch(/^point-not-on-curve/);
    expect(failureReason(run(6n, G1 + word(1n) + word(P + 2n)))).toMatch(/^invalid-field-element/);
    expect(failureReason(run(6n, word(P) + word(0n)))).toMatch(/^invalid-field-element/);
    expect(failureReason(run(6n, word(0n) + word(1n)))).toMatch(/^point-not-on-curve/);
  });

  it("costs 500 gas before Istanbul and 150 from Istanbul (EIP-1108)", () => {
    expect(run(6n, G1 + G1, "Byzantium")).toMatchObject({ ok: true, gasUsed: 500n });
    expect(run(6n, G1 + G1, "Istanbul")).toMatchObject({ ok: true, gasUsed: 150n });
    expect(run(6n, G1 + G1, "Istanbul", 149n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(6n, G1 + G1, "Constantinople", 499n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

describe("ECMUL (0x07)", () => {
  it("multiplies by scalars as repeated addition does", () => {
    for (const k of [1n, 2n, 3n, 0xdeadbeefn, R - 1n, 2n ** 255n + 1n]) {
      expect(outputHex(run(7n, G1 + word(k)))).toBe("0x" + encode(multiply(GENERATOR, k)));
    }
  });

  it("reduces the scalar by the group order: k·G = (k mod r)·G, and r·G is infinity", () => {
    expect(outputHex(run(7n, G1 + word(0n)))).toBe("0x" + INFINITY);
    expect(outputHex(run(7n, G1 + word(R)))).toBe("0x" + INFINITY);
    expect(outputHex(run(7n, G1 + word(R + 2n)))).toBe("0x" + encode(multiply(GENERATOR, 2n)));
    const max = 2n ** 256n - 1n;
    expect(outputHex(run(7n, G1 + word(max)))).toBe("0x" + encode(multiply(GENERATOR, max % R)));
  });

  it("maps infinity to infinity and zero-pads a short scalar", () => {
    expect(outputHex(run(7n, INFINITY + word(5n)))).toBe("0x" + INFINITY);
    // The scalar's missing low bytes read as zero: 0x02 followed by 31 zero bytes.
    expect(outputHex(run(7n, G1 + "02"))).toBe("0x" + encode(multiply(GENERATOR, 2n << 248n)));
    expect(outputHex(run(7n, G1))).toBe("0x" + INFINITY);
  });

  it("fails for an invalid point even with a zero scalar", () => {
    expect(failureReason(run(7n, word(1n) + word(3n) + word(0n)))).toMatch(/^point-not-on-curve/);
    expect(failureReason(run(7n, word(1n) + word(2n + P) + word(1n)))).toMatch(/^invalid-field-element/);
  });

  it("costs 40000 gas before Istanbul and 6000 from Istanbul (EIP-1108)", () => {
    expect(run(7n, G1 + word(2n), "Byzantium")).toMatchObject({ ok: true, gasUsed: 40000n });
    expect(run(7n, G1 + word(2n), "Berlin")).toMatchObject({ ok: true, gasUsed: 6000n });
    expect(run(7n, G1 + word(2n), "Berlin", 5999n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

describe("ECPAIRING (0x08)", () => {
  const ONE = "0x" + word(1n);
  const ZERO = "0x" + word(0n);
  const g2 = bn254.G2.Point.BASE;

  it("uses EIP-197's G2 generator, the one @noble/curves calls BASE", () => {
    expect(encodeG2(g2)).toBe(G2);
  });

  it("returns 1 for the empty product", () => {
    expect(outputHex(run(8n, ""))).toBe(ONE);
  });

  it("returns 1 when the pairings cancel by bilinearity, 0 when they don't", () => {
    expect(outputHex(run(8n, G1 + G2 + encode(negate(GENERATOR)) + G2))).toBe(ONE);
    expect(outputHex(run(8n, G1 + G2 + G1 + G2))).toBe(ZERO);
    expect(outputHex(run(8n, G1 + G2))).toBe(ZERO);
    // e(aP, Q) · e(bP, Q) · e(−(a + b)P, Q) = 1.
    const a = 0x1234n;
    const b = 2n ** 100n + 3n;
    const input = encode(multiply(GENERATOR, a)) + G2 + encode(multiply(GENERATOR, b)) + G2 + encode(negate(multiply(GENERATOR, a + b))) + G2;
    expect(outputHex(run(8n, input))).toBe(ONE);
  });

  it("moves scalars between the groups: e(abP, Q) · e(−aP, bQ) = 1", () => {
    const a = 987654321n;
    const b = 0xabcdefn;
    const input = encode(multiply(GENERATOR, a * b)) + G2 + encode(negate(multiply(GENERATOR, a))) + encodeG2(g2.multiply(b));
    expect(outputHex(run(8n, input))).toBe(ONE);
    const wrong = encode(multiply(GENERATOR, a * b + 1n)) + G2 + encode(negate(multiply(GENERATOR, a))) + encodeG2(g2.multiply(b));
    expect(outputHex(run(8n, wrong))).toBe(ZERO);
  });

  it("lets a pair with infinity on either side contribute 1", () => {
    expect(outputHex(run(8n, INFINITY + G2))).toBe(ONE);
    expect(outputHex(run(8n, G1 + G2_INFINITY))).toBe(ONE);
    expect(outputHex(run(8n, INFINITY + G2 + G1 + G2 + encode(negate(GENERATOR)) + G2))).toBe(ONE);
  });

  it("fails for an input that is not a whole number of 192-byte pairs", () => {
    expect(failureReason(run(8n, G1 + G2 + "00"))).toMatch(/^invalid-input-length/);
    expect(failureReason(run(8n, (G1 + G2).slice(0, 382)))).toMatch(/^invalid-input-length/);
  });

  it("fails for an invalid G1 point, even when paired with infinity", () => {
    expect(failureReason(run(8n, word(1n) + word(3n) + G2))).toMatch(/^point-not-on-curve/);
    expect(failureReason(run(8n, word(1n) + word(3n) + G2_INFINITY))).toMatch(/^point-not-on-curve/);
    expect(failureReason(run(8n, word(P + 1n) + word(2n) + G2))).toMatch(/^invalid-field-element/);
  });

  it("fails for G2 coordinates not below p, or written real part first", () => {
    const tooBig = word(P) + G2.slice(64);
    expect(failureReason(run(8n, G1 + tooBig))).toMatch(/^invalid-field-element/);
    const swapped = G2.slice(64, 128) + G2.slice(0, 64) + G2.slice(192, 256) + G2.slice(128, 192);
    expect(failureReason(run(8n, G1 + swapped))).toMatch(/^point-not-on-curve/);
  });

  it("fails for a point on the twist outside the order-r subgroup (EIP-197's subgroup check)", () => {
    const { x, y } = twistPointOutsideG2();
    const outside: G2Affine = { x: [x.c0, x.c1], y: [y.c0, y.c1] };
    expect(failureReason(run(8n, G1 + encodeG2Affine(outside)))).toMatch(/^point-not-in-subgroup/);
    expect(failureReason(run(8n, INFINITY + encodeG2Affine(outside)))).toMatch(/^point-not-in-subgroup/);
  });

  it("costs 100000 + 80000 per pair before Istanbul and 45000 + 34000 per pair from Istanbul", () => {
    const twoPairs = G1 + G2 + encode(negate(GENERATOR)) + G2;
    expect(run(8n, twoPairs, "Byzantium")).toMatchObject({ ok: true, gasUsed: 260000n });
    expect(run(8n, twoPairs, "Istanbul")).toMatchObject({ ok: true, gasUsed: 113000n });
    expect(run(8n, "", "Istanbul")).toMatchObject({ ok: true, gasUsed: 45000n });
    expect(run(8n, twoPairs, "Istanbul", 112999n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

/** The affine helper agrees with itself: a sanity check of the test's own arithmetic. */
describe("test arithmetic", () => {
  it("satisfies r·G = infinity and (a + b)·G = a·G + b·G", () => {
    const point: Affine = multiply(GENERATOR, R);
    expect(point).toBeNull();
    expect(add(multiply(GENERATOR, 5n), multiply(GENERATOR, 7n))).toEqual(multiply(GENERATOR, 12n));
  });
});
