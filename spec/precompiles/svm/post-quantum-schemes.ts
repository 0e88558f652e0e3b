/**
 * The post-quantum signature schemes of the SVM fork (docs/extensions.md, 0x010040-0x010049),
 * as data: sizes from the standards, the layout, the price, and the verification of
 * @noble/post-quantum. HYBRID_VERIFY (hybrid.ts) reuses the same table under its pqId.
 *
 * ML-DSA (FIPS 204) and SLH-DSA (FIPS 205) are "pure" with the empty context string (FIPS 204
 * §5.3, FIPS 205 §10.3); Falcon follows the round-3 specification v1.2 in its padded format,
 * whose signatures have one fixed length (FN-DSA, FIPS 206, is still a draft).
 */
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import {
  slh_dsa_sha2_128f,
  slh_dsa_sha2_128s,
  slh_dsa_shake_128f,
  slh_dsa_shake_128s,
} from "@noble/post-quantum/slh-dsa.js";
import { SVM_ADDRESS, type SvmPrecompileName } from "../../fork/svm-addresses.js";

export type PqLayout =
  /** EIP-8051's order for ML-DSA, used for SLH-DSA too: msg 32 ‖ sig ‖ pk, exactly that long. */
  | "msg32-sig-pk"
  /** EIP-7619's order for Falcon: pk ‖ sig ‖ msg, the message being the rest (any length). */
  | "pk-sig-msg";

export interface PqScheme {
  readonly name: SvmPrecompileName;
  /** The scheme's id in HYBRID_VERIFY's input. */
  readonly pqId: number;
  readonly publicKeyLength: number;
  readonly signatureLength: number;
  readonly layout: PqLayout;
  /** The fixed part of the price; pk-sig-msg layouts add 12 gas per word of message. */
  readonly baseGas: bigint;
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** Falcon's per-word price for the message it hashes (SHAKE-256 in HashToPoint). */
export const PQ_MESSAGE_WORD_GAS = 12n;

type Verifier = { verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean };

function scheme(
  name: SvmPrecompileName,
  pqId: number,
  publicKeyLength: number,
  signatureLength: number,
  layout: PqLayout,
  baseGas: bigint,
  library: Verifier,
): PqScheme {
  return { name, pqId, publicKeyLength, signatureLength, layout, baseGas, verify: (s, m, p) => library.verify(s, m, p) };
}

/**
 * Sizes: FIPS 204 Table 2, FIPS 205 Table 2, Falcon v1.2 (padded signatures). Prices: EIP-8051's
 * 4500 for ML-DSA-44, EIP-7619's benchmark (about 2100) for Falcon-512, and the rest measured
 * against ECRECOVER by conformance/bench/svm-precompile-cost.ts (docs/extensions.md, "Gas").
 */
export const PQ_SCHEMES: readonly PqScheme[] = [
  scheme("MLDSA44_VERIFY", 0x01, 1312, 2420, "msg32-sig-pk", 4500n, ml_dsa44),
  scheme("MLDSA65_VERIFY", 0x02, 1952, 3309, "msg32-sig-pk", 6900n, ml_dsa65),
  scheme("MLDSA87_VERIFY", 0x03, 2592, 4627, "msg32-sig-pk", 11200n, ml_dsa87),
  scheme("SLHDSA_SHA2_128S_VERIFY", 0x04, 32, 7856, "msg32-sig-pk", 15000n, slh_dsa_sha2_128s),
  scheme("SLHDSA_SHA2_128F_VERIFY", 0x05, 32, 17088, "msg32-sig-pk", 40000n, slh_dsa_sha2_128f),
  scheme("SLHDSA_SHAKE_128S_VERIFY", 0x06, 32, 7856, "msg32-sig-pk", 60000n, slh_dsa_shake_128s),
  scheme("SLHDSA_SHAKE_128F_VERIFY", 0x07, 32, 17088, "msg32-sig-pk", 200000n, slh_dsa_shake_128f),
  scheme("FALCON512_VERIFY", 0x08, 897, 666, "pk-sig-msg", 2100n, falcon512padded),
  scheme("FALCON1024_VERIFY", 0x09, 1793, 1280, "pk-sig-msg", 4200n, falcon1024padded),
];

export function addressOf(scheme: PqScheme): bigint {
  return SVM_ADDRESS[scheme.name];
}
