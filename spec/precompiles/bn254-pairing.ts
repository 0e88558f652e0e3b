/**
 * 0x08 ECPAIRING (EIP-197): whether a product of optimal-ate pairings on bn254 is one.
 *
 * Input: k pairs of (G1 point, G2 point), 192 bytes each; any other length fails the call, as does
 * an invalid point. Output: a 32-byte word, 1 if e(P₁, Q₁) · … · e(P_k, Q_k) = 1 in G_T, else 0.
 * No pairs (empty input) is the empty product, 1.
 */
import { bn254 } from "@noble/curves/bn254.js";
import type { Schedule } from "../fork/schedule.js";
import { decodeG1, decodeG2, G1_ENCODED_LENGTH, G2_ENCODED_LENGTH, type G1Point, type G2Point } from "./bn254-points.js";
import { PrecompileFailure } from "./failure.js";
import type { Precompile } from "./precompile.js";

const PAIR_LENGTH = G1_ENCODED_LENGTH + G2_ENCODED_LENGTH;

/** EIP-197's price per call and per pair, lowered by EIP-1108 (Istanbul). */
export const BN254_PAIRING_BASE_GAS = 100000n;
export const BN254_PAIRING_PAIR_GAS = 80000n;
export const BN254_PAIRING_BASE_GAS_EIP1108 = 45000n;
export const BN254_PAIRING_PAIR_GAS_EIP1108 = 34000n;

/** The price, for the whole pairs in the input (a ragged tail fails after being priced). */
export function bn254PairingGasCost(input: Uint8Array, schedule: Schedule): bigint {
  const pairs = BigInt(Math.floor(input.length / PAIR_LENGTH));
  return schedule.bn254Eip1108
    ? BN254_PAIRING_BASE_GAS_EIP1108 + BN254_PAIRING_PAIR_GAS_EIP1108 * pairs
    : BN254_PAIRING_BASE_GAS + BN254_PAIRING_PAIR_GAS * pairs;
}

export const bn254Pairing: Precompile = {
  address: 0x08n,
  name: "ECPAIRING",
  gasCost: bn254PairingGasCost,
  run(input) {
    if (input.length % PAIR_LENGTH !== 0) {
      throw new PrecompileFailure("invalid-input-length", `ECPAIRING input of ${input.length} bytes is not a multiple of ${PAIR_LENGTH}`);
    }
    const pairs: { g1: G1Point; g2: G2Point }[] = [];
    for (let offset = 0; offset < input.length; offset += PAIR_LENGTH) {
      const g1 = decodeG1(input.subarray(offset, offset + G1_ENCODED_LENGTH));
      const g2 = decodeG2(input.subarray(offset + G1_ENCODED_LENGTH, offset + PAIR_LENGTH));
      // A pair with infinity on either side contributes e = 1 to the product.
      if (!g1.is0() && !g2.is0()) pairs.push({ g1, g2 });
    }
    const product = bn254.pairingBatch(pairs);
    const output = new Uint8Array(32);
    output[31] = bn254.fields.Fp12.eql(product, bn254.fields.Fp12.ONE) ? 1 : 0;
    return output;
  },
};
