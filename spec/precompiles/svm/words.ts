/**
 * The small shared pieces of the SVM precompiles' gas formulas and outputs (docs/extensions.md,
 * "Conventions").
 */

/** ⌈n/32⌉, and 0 for a negative n (a formula's `words(L − 96)` on an input shorter than 96). */
export function words(n: number): bigint {
  return n <= 0 ? 0n : BigInt(Math.ceil(n / 32));
}

const VALID = Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0));

/**
 * Rule V: a verifier's answer is one 32-byte word, 1 for a valid signature and 0 for anything else
 * (a fresh array each time, so no caller can corrupt the constant).
 */
export function verdict(valid: boolean): Uint8Array {
  return valid ? VALID.slice() : new Uint8Array(32);
}
