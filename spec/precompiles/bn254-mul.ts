/**
 * 0x07 ECMUL (EIP-196): a point of bn254's G1 multiplied by a scalar.
 *
 * Input (zero-padded to 96 bytes): an encoded G1 point and a 32-byte scalar. Output: the product,
 * 64 bytes. Any 256-bit scalar is allowed; since every G1 point has order dividing r, multiplying
 * by the scalar mod r gives the same point. An invalid point fails the call.
 */
import type { Schedule } from "../fork/schedule.js";
import { BN254_GROUP_ORDER, decodeG1, encodeG1, G1_ENCODED_LENGTH } from "./bn254-points.js";
import { readPadded, readWord } from "./input.js";
import type { Precompile } from "./precompile.js";

/** EIP-196's price, lowered by EIP-1108 (Istanbul). */
export const BN254_MUL_GAS = 40000n;
export const BN254_MUL_GAS_EIP1108 = 6000n;

export const bn254Mul: Precompile = {
  address: 0x07n,
  name: "ECMUL",
  gasCost: (_input: Uint8Array, schedule: Schedule) => (schedule.bn254Eip1108 ? BN254_MUL_GAS_EIP1108 : BN254_MUL_GAS),
  run(input) {
    const point = decodeG1(readPadded(input, 0n, G1_ENCODED_LENGTH));
    const scalar = readWord(input, BigInt(G1_ENCODED_LENGTH));
    return encodeG1(point.multiplyUnsafe(scalar % BN254_GROUP_ORDER));
  },
};
