/**
 * What `svm prove` knows of each precompile called with symbolic input (issue 11): the form of its
 * output, and what its price depends on. One row per precompile the spec defines (Ethereum's 0x01–0x11
 * and 0x100, the SVM fork's 0x010000 block, docs/extensions.md); `precompile-functions.ts` turns a
 * row into terms. Concrete input never reaches this table: the spec's precompile runs for real.
 *
 * Output forms, and the facts each one carries (sound for every input the documents allow):
 * - `input`: the output is the input (IDENTITY), exactly; nothing is uninterpreted.
 * - `bytes`: `size` bytes, an uninterpreted function of the input; the first `zeros` are zero
 *   (RIPEMD160's 12-byte left padding). `mayFail`: the call may also fail (a point off the curve,
 *   a tag that does not authenticate), which is a second uninterpreted function, a branch.
 * - `verdict`: a 32-byte word that is 0 or 1 (docs/extensions.md rule V, EIP-197/EIP-2537 pairing checks).
 * - `address-or-empty`: ECRECOVER: empty output, or a word whose top 12 bytes are zero; only v = 27
 *   or 28 can recover (Yellow Paper, Appendix E).
 * - `one-or-empty`: P256VERIFY (EIP-7951): the word 1, or empty output.
 *
 * Prices: `length` when the price is a function of the input length alone (the spec's price of any
 * input of that length); `reads` names the input bytes the price reads beyond the length, which
 * must then be concrete, or the call is refused as unsupported (MODEXP's lengths and exponent head,
 * BLAKE2F's rounds, RSA's modulus length, HYBRID_VERIFY's scheme ids): gas stays a number in the
 * spec's frame driver, so a symbolic price has no term to become.
 */

/** A byte range of the input, [start, end). */
export type Range = readonly [start: number, end: number];

/**
 * The big-endian integer in `size` input bytes from `start` (zero past the end, as the precompiles
 * read), which must be concrete: a symbolic byte throws UnsupportedSymbolic naming `what`.
 */
export type ConcreteReader = (start: number, size: number, what: string) => bigint;

/** The output size in bytes, or `"fails"` when no input of this form succeeds. */
export type OutputSize = number | ((length: number, read: ConcreteReader) => number | "fails");

export type OutputModel =
  | { readonly kind: "input" }
  | { readonly kind: "bytes"; readonly size: OutputSize; readonly zeros?: number; readonly mayFail: boolean }
  | { readonly kind: "verdict"; readonly mayFail: boolean }
  | { readonly kind: "address-or-empty" }
  | { readonly kind: "one-or-empty" };

export type PriceModel = { readonly kind: "length" } | { readonly kind: "reads"; readonly ranges: (length: number, read: ConcreteReader) => readonly Range[] };

export interface PrecompileModel {
  readonly output: OutputModel;
  readonly price: PriceModel;
}

const BY_LENGTH: PriceModel = { kind: "length" };
const digest = (size: number, zeros = 0): PrecompileModel => ({ output: { kind: "bytes", size, zeros, mayFail: false }, price: BY_LENGTH });
const point = (size: number): PrecompileModel => ({ output: { kind: "bytes", size, mayFail: true }, price: BY_LENGTH });
/** Rule V of docs/extensions.md: always a 0/1 word, never a failure once the gas is paid. */
const verifier = (price: PriceModel = BY_LENGTH): PrecompileModel => ({ output: { kind: "verdict", mayFail: false }, price });
const reads = (ranges: (length: number, read: ConcreteReader) => readonly Range[]): PriceModel => ({ kind: "reads", ranges });

/** The header (three 32-byte lengths) and the exponent's first 32 bytes, which EIP-198/2565/7883 price. */
function modexpPriceBytes(length: number, read: ConcreteReader): readonly Range[] {
  const baseLength = read(0, 32, "base length");
  const exponentLength = read(32, 32, "exponent length");
  const exponentStart = 96n + baseLength;
  if (exponentStart >= BigInt(length)) return [[0, 96]];
  const headEnd = exponentStart + (exponentLength < 32n ? exponentLength : 32n);
  return [
    [0, 96],
    [Number(exponentStart), Math.min(Number(headEnd), length)],
  ];
}

/** AES256GCM_DECRYPT's plaintext: `L − 92 − aadLen` bytes (key 32 ‖ nonce 12 ‖ aadLen 32 ‖ aad ‖ ciphertext ‖ tag 16). */
function plaintextSize(length: number, read: ConcreteReader): number | "fails" {
  if (length < 92) return "fails";
  const aadLength = read(44, 32, "aadLen");
  return aadLength > BigInt(length - 92) ? "fails" : length - 92 - Number(aadLength);
}

/** Every precompile of every fork, by the name its EIP (or docs/extensions.md) gives it. */
export const PRECOMPILE_MODELS: Readonly<Record<string, PrecompileModel>> = {
  ECRECOVER: { output: { kind: "address-or-empty" }, price: BY_LENGTH },
  SHA256: digest(32),
  RIPEMD160: digest(32, 12),
  IDENTITY: { output: { kind: "input" }, price: BY_LENGTH },
  // The output is the modulus length; the header must be concrete for the price anyway.
  MODEXP: { output: { kind: "bytes", size: (_, read) => Number(read(64, 32, "modulus length")), mayFail: false }, price: reads(modexpPriceBytes) },
  ECADD: point(64),
  ECMUL: point(64),
  ECPAIRING: { output: { kind: "verdict", mayFail: true }, price: BY_LENGTH },
  // EIP-152: one gas per round, the first 4 bytes; any length but 213 costs nothing and fails.
  BLAKE2F: { output: { kind: "bytes", size: (length) => (length === 213 ? 64 : "fails"), mayFail: true }, price: reads((length) => (length === 213 ? [[0, 4]] : [])) },
  POINT_EVALUATION: point(64),
  BLS12_G1ADD: point(128),
  BLS12_G1MSM: point(128),
  BLS12_G2ADD: point(256),
  BLS12_G2MSM: point(256),
  BLS12_PAIRING_CHECK: { output: { kind: "verdict", mayFail: true }, price: BY_LENGTH },
  BLS12_MAP_FP_TO_G1: point(128),
  BLS12_MAP_FP2_TO_G2: point(256),
  P256VERIFY: { output: { kind: "one-or-empty" }, price: BY_LENGTH },
  SHA3_256: digest(32),
  SHA3_512: digest(64),
  BLAKE2B_512: digest(64),
  BLAKE3_256: digest(32),
  // Rule F: a tag that does not authenticate fails the call.
  AES256GCM_DECRYPT: { output: { kind: "bytes", size: plaintextSize, mayFail: true }, price: BY_LENGTH },
  ED25519_VERIFY: verifier(),
  SCHNORR_VERIFY: verifier(),
  // rsaGas reads nLen, the first word.
  RSA_PKCS1_SHA256_VERIFY: verifier(reads(() => [[0, 32]])),
  RSA_PSS_SHA256_VERIFY: verifier(reads(() => [[0, 32]])),
  BLS_VERIFY: verifier(),
  BLS_AGGREGATE_VERIFY: verifier(),
  BLS_FAST_AGGREGATE_VERIFY: verifier(),
  MLDSA44_VERIFY: verifier(),
  MLDSA65_VERIFY: verifier(),
  MLDSA87_VERIFY: verifier(),
  SLHDSA_SHA2_128S_VERIFY: verifier(),
  SLHDSA_SHA2_128F_VERIFY: verifier(),
  SLHDSA_SHAKE_128S_VERIFY: verifier(),
  SLHDSA_SHAKE_128F_VERIFY: verifier(),
  FALCON512_VERIFY: verifier(),
  FALCON1024_VERIFY: verifier(),
  // The price is read from the two scheme ids (classicalId, pqId).
  HYBRID_VERIFY: verifier(reads(() => [[0, 2]])),
};
