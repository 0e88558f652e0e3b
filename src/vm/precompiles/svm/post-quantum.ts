/**
 * 0x010040-0x010049, post-quantum signature verification (docs/extensions.md, rule V):
 * ML-DSA-44/65/87 (FIPS 204) and SLH-DSA SHA2/SHAKE-128s/f (FIPS 205), pure with the empty context,
 * in EIP-8051's order msg 32 ‖ sig ‖ pk with the standard FIPS 204/205 public-key encodings, exact
 * lengths; Falcon-512/1024 (Falcon v1.2, padded signatures) in EIP-7619's order pk ‖ sig ‖ msg.
 */
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import {
  slh_dsa_sha2_128f,
  slh_dsa_sha2_128s,
  slh_dsa_shake_128f,
  slh_dsa_shake_128s,
} from "@noble/post-quantum/slh-dsa.js";
import type { Precompile } from "../types.js";
import { verifier, words } from "./verdict.js";

/** One post-quantum scheme: its fixed lengths and its verification, lengths checked here, not by the library. */
export interface PostQuantumScheme {
  readonly signatureLength: number;
  readonly publicKeyLength: number;
  verifies(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

interface Library {
  readonly lengths: { readonly signature?: number; readonly publicKey?: number };
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

function schemeOf(library: Library): PostQuantumScheme {
  const signatureLength = library.lengths.signature!;
  const publicKeyLength = library.lengths.publicKey!;
  return {
    signatureLength,
    publicKeyLength,
    verifies: (message, signature, publicKey) =>
      signature.length === signatureLength &&
      publicKey.length === publicKeyLength &&
      library.verify(signature, message, publicKey),
  };
}

export const ML_DSA_44 = schemeOf(ml_dsa44);
export const ML_DSA_65 = schemeOf(ml_dsa65);
export const ML_DSA_87 = schemeOf(ml_dsa87);
export const SLH_DSA_SHA2_128S = schemeOf(slh_dsa_sha2_128s);
export const SLH_DSA_SHA2_128F = schemeOf(slh_dsa_sha2_128f);
export const SLH_DSA_SHAKE_128S = schemeOf(slh_dsa_shake_128s);
export const SLH_DSA_SHAKE_128F = schemeOf(slh_dsa_shake_128f);
export const FALCON_512 = schemeOf(falcon512padded);
export const FALCON_1024 = schemeOf(falcon1024padded);

const MESSAGE = 32;

/** msg 32 ‖ sig ‖ pk at a fixed price; any other length gives 0. */
function messageFirst(scheme: PostQuantumScheme, gas: number): Precompile {
  const signatureEnd = MESSAGE + scheme.signatureLength;
  return verifier(
    () => gas,
    (input) =>
      input.length === signatureEnd + scheme.publicKeyLength &&
      scheme.verifies(input.subarray(0, MESSAGE), input.subarray(MESSAGE, signatureEnd), input.subarray(signatureEnd)),
  );
}

/** pk ‖ sig ‖ msg (the rest), at `base` plus 12 per word of message. */
function messageLast(scheme: PostQuantumScheme, base: number): Precompile {
  const fixed = scheme.publicKeyLength + scheme.signatureLength;
  return verifier(
    (input) => base + 12 * words(input.length - fixed),
    (input) =>
      input.length >= fixed &&
      scheme.verifies(input.subarray(fixed), input.subarray(scheme.publicKeyLength, fixed), input.subarray(0, scheme.publicKeyLength)),
  );
}

export const mlDsa44Verify = messageFirst(ML_DSA_44, 4500);
export const mlDsa65Verify = messageFirst(ML_DSA_65, 6900);
export const mlDsa87Verify = messageFirst(ML_DSA_87, 11200);
export const slhDsaSha2_128sVerify = messageFirst(SLH_DSA_SHA2_128S, 40000);
export const slhDsaSha2_128fVerify = messageFirst(SLH_DSA_SHA2_128F, 100000);
export const slhDsaShake128sVerify = messageFirst(SLH_DSA_SHAKE_128S, 60000);
export const slhDsaShake128fVerify = messageFirst(SLH_DSA_SHAKE_128F, 160000);
export const falcon512Verify = messageLast(FALCON_512, 3000);
export const falcon1024Verify = messageLast(FALCON_1024, 6000);
