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

/** One post-quantum scheme: its fixed lengths, its price and its verification, lengths checked here, not by the library. */
export interface PostQuantumScheme {
  readonly signatureLength: number;
  readonly publicKeyLength: number;
  /** The whole price (ML-DSA, SLH-DSA), or the price before the message's words (Falcon). */
  readonly gas: number;
  verifies(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

interface Library {
  readonly lengths: { readonly signature?: number; readonly publicKey?: number };
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

function schemeOf(library: Library, gas: number): PostQuantumScheme {
  const signatureLength = library.lengths.signature!;
  const publicKeyLength = library.lengths.publicKey!;
  return {
    signatureLength,
    publicKeyLength,
    gas,
    verifies: (message, signature, publicKey) =>
      signature.length === signatureLength &&
      publicKey.length === publicKeyLength &&
      library.verify(signature, message, publicKey),
  };
}

/** Prices from docs/extensions.md: ML-DSA-44 is EIP-8051's, Falcon-512 EIP-7619's, the rest benchmarked against ECRECOVER. */
export const ML_DSA_44 = schemeOf(ml_dsa44, 4500);
export const ML_DSA_65 = schemeOf(ml_dsa65, 6900);
export const ML_DSA_87 = schemeOf(ml_dsa87, 11200);
export const SLH_DSA_SHA2_128S = schemeOf(slh_dsa_sha2_128s, 15000);
export const SLH_DSA_SHA2_128F = schemeOf(slh_dsa_sha2_128f, 40000);
export const SLH_DSA_SHAKE_128S = schemeOf(slh_dsa_shake_128s, 60000);
export const SLH_DSA_SHAKE_128F = schemeOf(slh_dsa_shake_128f, 200000);
export const FALCON_512 = schemeOf(falcon512padded, 2100);
export const FALCON_1024 = schemeOf(falcon1024padded, 4200);

const MESSAGE = 32;

/** msg 32 ‖ sig ‖ pk at a fixed price; any other length gives 0. */
function messageFirst(scheme: PostQuantumScheme): Precompile {
  const signatureEnd = MESSAGE + scheme.signatureLength;
  return verifier(
    () => scheme.gas,
    (input) =>
      input.length === signatureEnd + scheme.publicKeyLength &&
      scheme.verifies(input.subarray(0, MESSAGE), input.subarray(MESSAGE, signatureEnd), input.subarray(signatureEnd)),
  );
}

/** pk ‖ sig ‖ msg (the rest), at the scheme's price plus 12 per word of message. */
export function messageLastGas(scheme: PostQuantumScheme, messageLength: number): number {
  return scheme.gas + 12 * words(messageLength);
}

function messageLast(scheme: PostQuantumScheme): Precompile {
  const fixed = scheme.publicKeyLength + scheme.signatureLength;
  return verifier(
    (input) => messageLastGas(scheme, input.length - fixed),
    (input) =>
      input.length >= fixed &&
      scheme.verifies(input.subarray(fixed), input.subarray(scheme.publicKeyLength, fixed), input.subarray(0, scheme.publicKeyLength)),
  );
}

export const mlDsa44Verify = messageFirst(ML_DSA_44);
export const mlDsa65Verify = messageFirst(ML_DSA_65);
export const mlDsa87Verify = messageFirst(ML_DSA_87);
export const slhDsaSha2_128sVerify = messageFirst(SLH_DSA_SHA2_128S);
export const slhDsaSha2_128fVerify = messageFirst(SLH_DSA_SHA2_128F);
export const slhDsaShake128sVerify = messageFirst(SLH_DSA_SHAKE_128S);
export const slhDsaShake128fVerify = messageFirst(SLH_DSA_SHAKE_128F);
export const falcon512Verify = messageLast(FALCON_512);
export const falcon1024Verify = messageLast(FALCON_1024);
