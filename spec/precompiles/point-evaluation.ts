/**
 * 0x0a POINT_EVALUATION (EIP-4844): verifies that a blob's KZG commitment opens to y at z.
 *
 * Input, exactly 192 bytes: versioned_hash (32) ‖ z (32) ‖ y (32) ‖ commitment (48) ‖ proof (48).
 * The versioned hash must be the commitment's (0x01 ‖ sha256(commitment)[1:]), z and y must be
 * elements of the BLS12-381 scalar field, the commitment and proof valid compressed G1 points,
 * and the proof must verify; otherwise the call fails. Output: FIELD_ELEMENTS_PER_BLOB and
 * BLS_MODULUS as two 32-byte words, so callers can learn the blob parameters.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bigIntToBytes, bytesEqual, bytesToHex, concatBytes } from "../primitives/bytes.js";
import { PrecompileFailure } from "./failure.js";
import { mainnetKzg } from "./kzg-setup.js";
import type { Precompile } from "./precompile.js";

export const POINT_EVALUATION_GAS = 50000n;
export const POINT_EVALUATION_INPUT_LENGTH = 192;

/** EIP-4844's blob parameters, returned by every successful call. */
export const FIELD_ELEMENTS_PER_BLOB = 4096n;
export const BLS_MODULUS = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;

/** The first byte of a versioned hash that commits to a KZG commitment (EIP-4844's VERSIONED_HASH_VERSION_KZG). */
export const VERSIONED_HASH_VERSION_KZG = 0x01;

/** kzg_to_versioned_hash (EIP-4844): the version byte followed by sha256(commitment) without its first byte. */
export function kzgToVersionedHash(commitment: Uint8Array): Uint8Array {
  const hash = sha256(commitment);
  hash[0] = VERSIONED_HASH_VERSION_KZG;
  return hash;
}

export const pointEvaluation: Precompile = {
  address: 0x0an,
  name: "POINT_EVALUATION",
  gasCost: () => POINT_EVALUATION_GAS,
  run(input) {
    if (input.length !== POINT_EVALUATION_INPUT_LENGTH) {
      throw new PrecompileFailure(
        "invalid-input-length",
        `POINT_EVALUATION input is ${input.length} bytes, not ${POINT_EVALUATION_INPUT_LENGTH}`,
      );
    }
    const versionedHash = input.subarray(0, 32);
    const z = input.subarray(32, 64);
    const y = input.subarray(64, 96);
    const commitment = input.subarray(96, 144);
    const proof = input.subarray(144, 192);
    if (!bytesEqual(kzgToVersionedHash(commitment), versionedHash)) {
      throw new PrecompileFailure("versioned-hash-mismatch", "POINT_EVALUATION versioned hash does not match the commitment");
    }
    // verify_kzg_proof: false for a proof that doesn't verify and for any malformed z, y or point.
    if (!mainnetKzg().verifyProof(bytesToHex(commitment), bytesToHex(z), bytesToHex(y), bytesToHex(proof))) {
      throw new PrecompileFailure("invalid-kzg-proof", "POINT_EVALUATION proof does not verify");
    }
    return concatBytes(bigIntToBytes(FIELD_ELEMENTS_PER_BLOB, 32), bigIntToBytes(BLS_MODULUS, 32));
  },
};
