/**
 * t-of-n threshold BLS (min-pk, the ciphersuite of 0x010030): the group secret is the constant
 * term of a random polynomial f of degree t − 1 over the BLS12-381 scalar field Fr, share i is
 * f(i) (Shamir, "How to share a secret", 1979), and share i signs as a plain BLS key would. Any t
 * partial signatures σ_i = f(i)·H(m) combine to f(0)·H(m), the group's signature, by Lagrange
 * interpolation at x = 0 in G2: σ = Σ λ_i·σ_i with λ_i = Π_{j≠i} x_j / (x_j − x_i) (Boldyreva,
 * "Threshold signatures … based on the Gap-Diffie-Hellman-group signature scheme", PKC 2003).
 * Fewer than t give a point unrelated to the group key. Curve arithmetic is @noble/curves'.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bytesToNumberBE, numberToBytesBE } from "@noble/curves/utils.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { KeyInputError } from "./encoding.js";
import { bls, blsSign, blsVerify, derive } from "./schemes.js";

const Fr = bls12_381.fields.Fr;
const G1 = bls12_381.G1.Point;

export interface Share {
  /** The share's x coordinate, 1 … n. */
  readonly index: number;
  /** f(index), 32 bytes big-endian. */
  readonly secretKey: Uint8Array;
  /** f(index)·G1, compressed: checks this share's partial signatures. */
  readonly publicKey: Uint8Array;
}

export interface ThresholdKey {
  readonly threshold: number;
  readonly parties: number;
  /** f(0)·G1, compressed: the key the precompile checks combined signatures against. */
  readonly groupPublicKey: Uint8Array;
  readonly shares: readonly Share[];
}

export interface PartialSignature {
  readonly index: number;
  /** f(index)·H(m), compressed G2. */
  readonly signature: Uint8Array;
}

/** Protocol limits: at least 2 of at least 2 (1-of-n is a shared key, not a threshold), and indices fit a byte. */
export const MAX_PARTIES = 255;

/** A field element drawn from 64 bytes (bias below 2^-250, as hash_to_field's expansion does, RFC 9380 §5). */
function scalar(bytes: Uint8Array): bigint {
  return Fr.create(bytesToNumberBE(bytes));
}

/** A non-zero scalar: the secret and every share must be a valid BLS secret key (0 is not). */
function nonZero(value: bigint, what: string): bigint {
  if (value === 0n) throw new KeyInputError(`${what} is zero; choose another seed`);
  return value;
}

/** f(x) by Horner's rule over Fr. */
function evaluate(coefficients: readonly bigint[], x: bigint): bigint {
  return coefficients.reduceRight((sum, coefficient) => Fr.add(Fr.mul(sum, x), coefficient), 0n);
}

const keyBytes = (value: bigint) => numberToBytesBE(value, 32);
const publicKeyOf = (value: bigint) => G1.BASE.multiply(value).toBytes(true);

export function checkThreshold(threshold: number, parties: number): void {
  if (!Number.isInteger(threshold) || !Number.isInteger(parties) || threshold < 2 || parties < threshold || parties > MAX_PARTIES) {
    throw new KeyInputError(`need 2 ≤ t ≤ n ≤ ${MAX_PARTIES}, got t = ${threshold}, n = ${parties}`);
  }
}

/** Deals a fresh group key and n shares of it (a trusted dealer; with a seed, reproducibly). */
export function dealThresholdKey(threshold: number, parties: number, seed?: Uint8Array): ThresholdKey {
  checkThreshold(threshold, parties);
  const coefficients = Array.from({ length: threshold }, (_, k) =>
    scalar(seed === undefined ? randomBytes(64) : derive(seed, `bls-threshold/coefficient/${k}`, 64)),
  );
  const secret = nonZero(coefficients[0]!, "the group secret");
  const shares = Array.from({ length: parties }, (_, i) => {
    const value = nonZero(evaluate(coefficients, BigInt(i + 1)), `share ${i + 1}`);
    return { index: i + 1, secretKey: keyBytes(value), publicKey: publicKeyOf(value) };
  });
  return { threshold, parties, groupPublicKey: publicKeyOf(secret), shares };
}

export function partialSign(share: Pick<Share, "index" | "secretKey">, message: Uint8Array): PartialSignature {
  return { index: share.index, signature: blsSign(share.secretKey, message) };
}

/** Whether a partial signature is the one its share's public key would make over `message`. */
export function partialVerifies(sharePublicKey: Uint8Array, message: Uint8Array, partial: PartialSignature): boolean {
  return blsVerify(sharePublicKey, message, partial.signature);
}

/** λ_i at x = 0 for the set of indices: Π_{j≠i} x_j / (x_j − x_i) over Fr. */
export function lagrangeAtZero(indices: readonly number[], index: number): bigint {
  const xi = BigInt(index);
  let numerator = 1n;
  let denominator = 1n;
  for (const other of indices) {
    if (other === index) continue;
    const xj = BigInt(other);
    numerator = Fr.mul(numerator, xj);
    denominator = Fr.mul(denominator, Fr.sub(xj, xi));
  }
  return Fr.mul(numerator, Fr.inv(denominator));
}

/**
 * Σ λ_i·σ_i over the partials given, in G2. The caller decides how many are enough: with at least t
 * distinct shares of one key this is the group signature; with fewer it is not.
 */
export function combinePartials(partials: readonly PartialSignature[]): Uint8Array {
  if (partials.length === 0) throw new KeyInputError("no partial signatures to combine");
  const indices = partials.map((partial) => partial.index);
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 1 || index > MAX_PARTIES) throw new KeyInputError(`share index ${index} is outside 1 … ${MAX_PARTIES}`);
  }
  if (new Set(indices).size !== indices.length) throw new KeyInputError(`share indices repeat: ${indices.join(", ")}`);
  const sum = partials.reduce(
    (acc, partial) => acc.add(bls.Signature.fromBytes(partial.signature).multiply(lagrangeAtZero(indices, partial.index))),
    bls12_381.G2.Point.ZERO,
  );
  return sum.toBytes(true);
}

/** Σ σ_i: one signature that BLS_AGGREGATE_VERIFY / BLS_FAST_AGGREGATE_VERIFY check against all signers. */
export function aggregateSignatures(signatures: readonly Uint8Array[]): Uint8Array {
  if (signatures.length === 0) throw new KeyInputError("no signatures to aggregate");
  return bls.aggregateSignatures(signatures.map((signature) => bls.Signature.fromBytes(signature))).toBytes(true);
}
