/** The SVM fork's own precompiles the spec implements (docs/extensions.md), in address order. */
import type { Precompile } from "../precompile.js";
import { aes256GcmDecrypt } from "./aes-gcm.js";
import { SVM_BLS_PRECOMPILES } from "./bls.js";
import { ed25519Verify } from "./ed25519.js";
import { SVM_HASH_PRECOMPILES } from "./hashes.js";
import { hybridVerify } from "./hybrid.js";
import { SVM_POST_QUANTUM_PRECOMPILES } from "./post-quantum.js";
import { rsaPkcs1Sha256Verify, rsaPssSha256Verify } from "./rsa.js";
import { schnorrVerify } from "./schnorr.js";

export const SVM_PRECOMPILES: readonly Precompile[] = [
  ...SVM_HASH_PRECOMPILES,
  aes256GcmDecrypt,
  ed25519Verify,
  schnorrVerify,
  rsaPkcs1Sha256Verify,
  rsaPssSha256Verify,
  ...SVM_BLS_PRECOMPILES,
  ...SVM_POST_QUANTUM_PRECOMPILES,
  hybridVerify,
];
