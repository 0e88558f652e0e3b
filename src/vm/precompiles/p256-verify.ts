/**
 * 0x100: P256VERIFY (EIP-7951, Osaka): ECDSA verification over secp256r1 (NIST P-256).
 * Input h ‖ r ‖ s ‖ qx ‖ qy, 32 bytes each. Every invalid input (wrong length, r or s outside
 * [1, n), a coordinate ≥ p, a point off the curve or at infinity, a failed check) returns empty
 * output at the full price; only too little gas fails the call.
 */
import { p256 } from "@noble/curves/nist.js";
import { bigIntToBytes } from "../bytes.js";
import { ecdsaVerifies } from "./ecdsa-verify.js";
import type { Precompile } from "./types.js";

const VALID = bigIntToBytes(1n, 32);
const INVALID = new Uint8Array(0);

export const p256Verify: Precompile = (input, gas, fork) => {
  const cost = fork.p256VerifyGas;
  if (cost > gas) return "out of gas";
  return { gasUsed: cost, output: ecdsaVerifies(p256, input) ? VALID.slice() : INVALID };
};
