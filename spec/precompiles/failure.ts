/**
 * Why a precompiled contract rejected its input.
 *
 * A precompile that fails behaves like an exceptional halt (Yellow Paper, Appendix E): the call
 * returns failure and consumes all the gas given to it. Each precompile throws this with a code
 * saying which rule of its EIP the input broke; `runPrecompile` turns it into `{ ok: false }`.
 */
export type PrecompileFailureCode =
  /** The input is not the length the precompile requires (EIP-152, EIP-197, EIP-4844). */
  | "invalid-input-length"
  /** A coordinate is not an element of the curve's base field (EIP-196, EIP-197). */
  | "invalid-field-element"
  /** A point is neither on the curve nor the encoding of infinity (EIP-196, EIP-197). */
  | "point-not-on-curve"
  /** A G2 point lies on the twist but outside the prime-order subgroup (EIP-197). */
  | "point-not-in-subgroup"
  /** BLAKE2 F's final-block flag is neither 0 nor 1 (EIP-152). */
  | "invalid-final-flag"
  /** The versioned hash does not commit to the given KZG commitment (EIP-4844). */
  | "versioned-hash-mismatch"
  /** The KZG proof does not open the commitment to y at z (EIP-4844). */
  | "invalid-kzg-proof"
  /** A BLS12-381 field element's 64-byte encoding has non-zero top 16 bytes (EIP-2537). */
  | "invalid-padding"
  /** A MODEXP length exceeds 1024 bytes (EIP-7823). */
  | "input-too-long"
  /** AES-256-GCM's tag does not authenticate the ciphertext and associated data (NIST SP 800-38D). */
  | "authentication-failed";

export class PrecompileFailure extends Error {
  constructor(
    readonly code: PrecompileFailureCode,
    message: string,
  ) {
    super(message);
    this.name = "PrecompileFailure";
  }
}
