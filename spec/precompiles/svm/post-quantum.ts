/**
 * The SVM post-quantum verifiers (docs/extensions.md, 0x010040-0x010049), one precompile per
 * scheme of post-quantum-schemes.ts. Rule V: the word 1 for a valid signature, 0 for anything
 * else, a wrong length included. Lengths are checked here before the library sees the input
 * (some versions of @noble/post-quantum accepted trailing zero bytes after a padded Falcon
 * signature).
 */
import type { Precompile } from "../precompile.js";
import { holds } from "./library-verdict.js";
import { addressOf, PQ_MESSAGE_WORD_GAS, PQ_SCHEMES, type PqScheme } from "./post-quantum-schemes.js";
import { verdict, words } from "./words.js";

const MESSAGE = 32;

/** The signature, message and public key of an input of the scheme's layout; null if malformed. */
export function splitPqInput(scheme: PqScheme, input: Uint8Array): { signature: Uint8Array; message: Uint8Array; publicKey: Uint8Array } | null {
  const { publicKeyLength: pk, signatureLength: sig } = scheme;
  if (scheme.layout === "msg32-sig-pk") {
    if (input.length !== MESSAGE + sig + pk) return null;
    return {
      message: input.subarray(0, MESSAGE),
      signature: input.subarray(MESSAGE, MESSAGE + sig),
      publicKey: input.subarray(MESSAGE + sig),
    };
  }
  if (input.length < pk + sig) return null;
  return { publicKey: input.subarray(0, pk), signature: input.subarray(pk, pk + sig), message: input.subarray(pk + sig) };
}

/** Whether the input holds a valid signature under the scheme (false when malformed). */
export function pqHolds(scheme: PqScheme, input: Uint8Array): boolean {
  const parts = splitPqInput(scheme, input);
  return parts !== null && holds(() => scheme.verify(parts.signature, parts.message, parts.publicKey));
}

/** The price of an input of `length` bytes. */
export function pqGas(scheme: PqScheme, length: number): bigint {
  if (scheme.layout === "msg32-sig-pk") return scheme.baseGas;
  return scheme.baseGas + PQ_MESSAGE_WORD_GAS * words(length - scheme.publicKeyLength - scheme.signatureLength);
}

function precompileOf(scheme: PqScheme): Precompile {
  return {
    address: addressOf(scheme),
    name: scheme.name,
    gasCost: (input) => pqGas(scheme, input.length),
    run: (input) => verdict(pqHolds(scheme, input)),
  };
}

export const SVM_POST_QUANTUM_PRECOMPILES: readonly Precompile[] = PQ_SCHEMES.map(precompileOf);
