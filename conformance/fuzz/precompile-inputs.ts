/**
 * Well-formed and nearly well-formed precompile inputs, so calls get past input validation and
 * exercise the computations themselves: ecrecover of a real signature (Yellow Paper Appendix E),
 * modexp with small length headers (EIP-198), blake2f with few rounds (EIP-152), bn254 points
 * on the curve, including the point at infinity and G2's generator (EIP-196, EIP-197).
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import fc from "fast-check";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../spec/primitives/bytes.js";
import { wordArb } from "./values.js";
import { SIGNERS } from "./world.js";

/** What a precompile block writes to memory (32-byte words from offset 0) and how many bytes it passes. */
export interface PrecompileInput {
  readonly address: bigint;
  readonly words: readonly bigint[];
  readonly length: bigint;
  /** Gas the call forwards (a precompile's price, or one less); all that is left when absent. */
  readonly gas?: bigint;
}

const WORD = 32;

/** Bytes as the words that hold them (the last one zero-padded on the right, as memory holds them). */
export function wordsOf(bytes: Uint8Array): bigint[] {
  const words: bigint[] = [];
  for (let at = 0; at < bytes.length; at += WORD) {
    const word = new Uint8Array(WORD);
    word.set(bytes.subarray(at, at + WORD));
    words.push(bytesToBigInt(word));
  }
  return words;
}

/** The exact length, or one byte short or long (truncated input reads as zero-padded). */
const lengthAround = (length: number) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(BigInt(length)) }, { weight: 1, arbitrary: fc.constantFrom(BigInt(length - 1), BigInt(length + 1)) });

const ecrecoverArb: fc.Arbitrary<PrecompileInput> = fc
  .record({ hash: wordArb, vShift: fc.oneof({ weight: 6, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.constantFrom(2n, -27n) }), length: lengthAround(128) })
  .map(({ hash, vShift, length }) => {
    const signature = secp256k1.Signature.fromBytes(
      secp256k1.sign(bigIntToBytes(hash, WORD), SIGNERS[1]!.secretKey, { prehash: false, format: "recovered" }),
      "recovered",
    );
    const v = 27n + BigInt(signature.recovery ?? 0) + vShift;
    return { address: 1n, words: [hash, v, signature.r, signature.s], length };
  });

const modexpLengthArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(31, 32, 33, 64) });
const modexpArb: fc.Arbitrary<PrecompileInput> = fc
  .tuple(modexpLengthArb, modexpLengthArb, modexpLengthArb)
  .chain(([b, e, m]) =>
    fc.record({
      lengths: fc.constant([b, e, m]),
      base: fc.uint8Array({ minLength: b, maxLength: b }),
      exponent: fc.uint8Array({ minLength: e, maxLength: e }),
      modulus: fc.uint8Array({ minLength: m, maxLength: m }),
      trim: fc.constantFrom(0, 0, 0, 1),
    }),
  )
  .map(({ lengths, base, exponent, modulus, trim }) => {
    const input = concatBytes(...lengths.map((n) => bigIntToBytes(BigInt(n), WORD)), base, exponent, modulus);
    return { address: 5n, words: wordsOf(input), length: BigInt(input.length - trim) };
  });

const BLAKE2F_INPUT_LENGTH = 213;
const blake2fArb: fc.Arbitrary<PrecompileInput> = fc
  .record({
    rounds: fc.integer({ min: 0, max: 12 }),
    state: fc.uint8Array({ minLength: 208, maxLength: 208 }),
    final: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: fc.constant(2) }),
    length: lengthAround(BLAKE2F_INPUT_LENGTH),
  })
  .map(({ rounds, state, final, length }) => {
    const input = concatBytes(bigIntToBytes(BigInt(rounds), 4), state, Uint8Array.of(final));
    return { address: 9n, words: wordsOf(input), length };
  });

/** bn254 G1: infinity, the generator (1, 2), and (1, 3), which is not on the curve. */
const g1Arb = fc.constantFrom<readonly [bigint, bigint]>([0n, 0n], [1n, 2n], [1n, 3n]);
/** G2's generator, as EIP-197 encodes it: x imaginary, x real, y imaginary, y real. */
const G2_GENERATOR = [
  0x198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2n,
  0x1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6edn,
  0x090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975bn,
  0x12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daan,
] as const;
const g2Arb = fc.constantFrom<readonly bigint[]>([0n, 0n, 0n, 0n], G2_GENERATOR);

const bnAddArb: fc.Arbitrary<PrecompileInput> = fc
  .record({ p: g1Arb, q: g1Arb, length: lengthAround(128) })
  .map(({ p, q, length }) => ({ address: 6n, words: [...p, ...q], length }));

const bnMulArb: fc.Arbitrary<PrecompileInput> = fc
  .record({ p: g1Arb, scalar: wordArb, length: lengthAround(96) })
  .map(({ p, scalar, length }) => ({ address: 7n, words: [...p, scalar], length }));

const bnPairingArb: fc.Arbitrary<PrecompileInput> = fc
  .array(fc.tuple(g1Arb, g2Arb), { maxLength: 2 })
  .map((pairs) => {
    const words = pairs.flatMap(([g1, g2]) => [...g1, ...g2]);
    return { address: 8n, words, length: BigInt(words.length * WORD) };
  });

export const wellFormedPrecompileInputArb: fc.Arbitrary<PrecompileInput> = fc.oneof(ecrecoverArb, modexpArb, blake2fArb, bnAddArb, bnMulArb, bnPairingArb);
