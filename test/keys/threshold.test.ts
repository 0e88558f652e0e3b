/**
 * Shamir sharing and Lagrange interpolation over the BLS12-381 scalar field (src/keys/threshold.ts),
 * checked by what they must do rather than by stored answers: the coefficients at x = 0 sum to 1,
 * the share keys interpolate to the group key in G1, every t-subset of partials combines to the one
 * signature the group key verifies, and no (t − 1)-subset does.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { describe, expect, it } from "vitest";
import { toHex } from "../../src/keys/encoding.js";
import { blsVerify } from "../../src/keys/schemes.js";
import { aggregateSignatures, checkThreshold, combinePartials, dealThresholdKey, lagrangeAtZero, partialSign, partialVerifies } from "../../src/keys/threshold.js";

const Fr = bls12_381.fields.Fr;
const SEED = new Uint8Array(16).fill(3);
const MESSAGE = new TextEncoder().encode("withdraw 1 ether");

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

describe("t-of-n threshold BLS", () => {
  const dealt = dealThresholdKey(3, 5, SEED);
  const partials = dealt.shares.map((share) => partialSign(share, MESSAGE));

  it("interpolates a constant: the Lagrange coefficients at 0 of any index set sum to 1", () => {
    for (const indices of [[1, 2, 3], [2, 4, 5], [1, 7, 9, 200]]) {
      expect(indices.reduce((sum, i) => Fr.add(sum, lagrangeAtZero(indices, i)), 0n)).toBe(1n);
    }
  });

  it("gives shares whose public keys interpolate to the group key in G1", () => {
    for (const chosen of subsets(dealt.shares, 3)) {
      const indices = chosen.map((share) => share.index);
      const sum = chosen.reduce(
        (acc, share) => acc.add(bls12_381.G1.Point.fromBytes(share.publicKey).multiply(lagrangeAtZero(indices, share.index))),
        bls12_381.G1.Point.ZERO,
      );
      expect(toHex(sum.toBytes(true))).toBe(toHex(dealt.groupPublicKey));
    }
  });

  it("combines every 3 of the 5 partials to one signature of the group key, and no 2 of them", () => {
    const combined = new Set(subsets(partials, 3).map((chosen) => toHex(combinePartials(chosen))));
    expect(combined.size).toBe(1);
    expect(blsVerify(dealt.groupPublicKey, MESSAGE, Uint8Array.from(Buffer.from([...combined][0]!.slice(2), "hex")))).toBe(true);
    for (const pair of subsets(partials, 2)) expect(blsVerify(dealt.groupPublicKey, MESSAGE, combinePartials(pair))).toBe(false);
  });

  it("checks each partial against its own share's key", () => {
    expect(partialVerifies(dealt.shares[1]!.publicKey, MESSAGE, partials[1]!)).toBe(true);
    expect(partialVerifies(dealt.shares[2]!.publicKey, MESSAGE, partials[1]!)).toBe(false);
  });

  it("deals the same key from the same seed and another from another", () => {
    expect(toHex(dealThresholdKey(3, 5, SEED).groupPublicKey)).toBe(toHex(dealt.groupPublicKey));
    expect(toHex(dealThresholdKey(3, 5, new Uint8Array(16).fill(4)).groupPublicKey)).not.toBe(toHex(dealt.groupPublicKey));
    expect(toHex(dealThresholdKey(3, 5).groupPublicKey)).not.toBe(toHex(dealt.groupPublicKey));
  });

  it("refuses thresholds that are not t-of-n, and repeated shares", () => {
    for (const [t, n] of [[1, 5], [6, 5], [2, 256], [2.5, 5]]) expect(() => checkThreshold(t!, n!)).toThrow(/2 ≤ t ≤ n/);
    expect(() => combinePartials([partials[0]!, partials[0]!, partials[1]!])).toThrow(/repeat/);
    expect(() => combinePartials([])).toThrow(/no partial/);
  });

  it("aggregates signatures over one message into one the summed keys verify (FastAggregateVerify)", () => {
    const sum = aggregateSignatures(partials.map((partial) => partial.signature));
    const keys = dealt.shares.reduce((acc, share) => acc.add(bls12_381.G1.Point.fromBytes(share.publicKey)), bls12_381.G1.Point.ZERO);
    expect(blsVerify(keys.toBytes(true), MESSAGE, sum)).toBe(true);
    expect(blsVerify(dealt.groupPublicKey, MESSAGE, sum)).toBe(false);
  });
});
