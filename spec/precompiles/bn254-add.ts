/**
 * 0x06 ECADD (EIP-196): the sum of two points of bn254's G1.
 *
 * Input (zero-padded to 128 bytes): two encoded G1 points. Output: their sum, 64 bytes. An
 * invalid point fails the call.
 */
import type { Schedule } from "../fork/schedule.js";
import { decodeG1, encodeG1, G1_ENCODED_LENGTH } from "./bn254-points.js";
import { readPadded } from "./input.js";
import type { Precompile } from "./precompile.js";

/** EIP-196's price, lowered by EIP-1108 (Istanbul). */
export const BN254_ADD_GAS = 500n;
export const BN254_ADD_GAS_EIP1108 = 150n;

export const bn254Add: Precompile = {
  address: 0x06n,
  name: "ECADD",
  gasCost: (_input: Uint8Array, schedule: Schedule) => (schedule.bn254Eip1108 ? BN254_ADD_GAS_EIP1108 : BN254_ADD_GAS),
  run(input) {
    const data = readPadded(input, 0n, 2 * G1_ENCODED_LENGTH);
    const p = decodeG1(data.subarray(0, G1_ENCODED_LENGTH));
    const q = decodeG1(data.subarray(G1_ENCODED_LENGTH));
    return encodeG1(p.add(q));
  },
};
