/** The SVM fork's own precompiles the spec implements (docs/extensions.md), in address order. */
import type { Precompile } from "../precompile.js";
import { SVM_HASH_PRECOMPILES } from "./hashes.js";

export const SVM_PRECOMPILES: readonly Precompile[] = [...SVM_HASH_PRECOMPILES];
