/**
 * Inputs for the precompiles of Prague and Osaka, valid and just invalid, so calls reach both the
 * computation and every input check: the BLS12-381 operations at 0x0b–0x11 (EIP-2537) over the
 * generators, their multiples, the point at infinity, a point on the curve outside the subgroup,
 * a point off the curve and a coordinate not below p; P256VERIFY at 0x100 (EIP-7951) over a real
 * signature and its broken variants; modexp with a length header at EIP-7823's 1024-byte bound.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { p256 } from "@noble/curves/nist.js";
import { sha256 } from "@noble/hashes/sha2.js";
import fc from "fast-check";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../spec/primitives/bytes.js";
import type { PrecompileInput } from "./precompile-inputs.js";
import { wordArb } from "./values.js";

const WORD = 32;
const LOW_WORD = (1n << 256n) - 1n;
const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;
const Fp = G1.Fp;
const P = Fp.ORDER;
const Q = G1.Fn.ORDER;

/** A 64-byte EIP-2537 field element as the two words that hold it (the top 16 bytes zero when below p). */
const fpWords = (value: bigint): bigint[] => [value >> 256n, value & LOW_WORD];

/** The first x ≥ 1 with x³ + 4 a square: a point of E(F_p) that (cofactor h ≫ 1) is not in the order-q subgroup. */
function g1OutsideSubgroup(): readonly [bigint, bigint] {
  for (let x = 1n; ; x++) {
    const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 4n);
    try {
      const y = Fp.sqrt(rhs);
      const point = G1.fromAffine({ x, y });
      if (!point.isTorsionFree()) return [x, y];
    } catch {
      continue;
    }
  }
}

const G1_OUTSIDE = g1OutsideSubgroup();
/** G1 encodings: [words, a short name for why it is there]. */
const G1_POINTS: readonly (readonly bigint[])[] = [
  [0n, 0n, 0n, 0n], // infinity
  ...[1n, 2n, Q - 1n].map((k) => {
    const { x, y } = G1.BASE.multiply(k).toAffine();
    return [...fpWords(x), ...fpWords(y)];
  }),
  [...fpWords(G1_OUTSIDE[0]), ...fpWords(G1_OUTSIDE[1])], // on the curve, outside the subgroup
  [...fpWords(1n), ...fpWords(1n)], // off the curve
  [...fpWords(P), ...fpWords(0n)], // x = p: not a field element
];

const g2Words = (k: bigint): bigint[] => {
  const { x, y } = G2.BASE.multiply(k).toAffine();
  return [...fpWords(x.c0), ...fpWords(x.c1), ...fpWords(y.c0), ...fpWords(y.c1)];
};
/** G2: infinity, the generator and 2·G, a point off the curve (x = y = 1), and the generator with c0 of x raised by p. */
const G2_POINTS: readonly (readonly bigint[])[] = [
  Array<bigint>(8).fill(0n),
  g2Words(1n),
  g2Words(2n),
  [...fpWords(1n), ...fpWords(0n), ...fpWords(1n), ...fpWords(0n)],
  (() => {
    const words = g2Words(1n);
    const c0 = (words[0]! << 256n) | words[1]!;
    return [...fpWords(c0 + P), ...words.slice(2)];
  })(),
];

/** MSM scalars: 0, 1, q−1, q (which EIP-2537 does not reduce away: it acts as 0 on the subgroup), 2^256−1. */
const scalarArb = fc.oneof(fc.constantFrom(0n, 1n, 2n, Q - 1n, Q, LOW_WORD), wordArb);
const g1Arb = fc.constantFrom(...G1_POINTS);
const g2Arb = fc.constantFrom(...G2_POINTS);

/**
 * The exact byte length (3 in 5), one byte short or long (1 in 5: EIP-2537 and EIP-7951 want exact
 * lengths), or one whole element short, or nothing.
 */
const lengthNear = (length: number, unit: number): fc.Arbitrary<bigint> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(BigInt(length)) },
    { weight: 2, arbitrary: fc.constantFrom(BigInt(Math.max(0, length - 1)), BigInt(length + 1)) },
    { weight: 1, arbitrary: fc.constantFrom(BigInt(Math.max(0, length - unit)), 0n) },
  );

const withLength = (address: bigint, words: readonly bigint[], unit: number) =>
  lengthNear(words.length * WORD, unit).map((length): PrecompileInput => ({ address, words, length }));

const g1AddArb = fc.tuple(g1Arb, g1Arb).chain(([a, b]) => withLength(0x0bn, [...a, ...b], 128));
const g2AddArb = fc.tuple(g2Arb, g2Arb).chain(([a, b]) => withLength(0x0dn, [...a, ...b], 256));
/** MSM pairs: one to three (k = 1 prices without discount; more use EIP-2537's table). */
const g1MsmArb = fc.array(fc.tuple(g1Arb, scalarArb), { minLength: 1, maxLength: 3 }).chain((pairs) =>
  withLength(0x0cn, pairs.flatMap(([p, s]) => [...p, s]), 160),
);
const g2MsmArb = fc.array(fc.tuple(g2Arb, scalarArb), { minLength: 1, maxLength: 2 }).chain((pairs) =>
  withLength(0x0en, pairs.flatMap(([p, s]) => [...p, s]), 288),
);
/** Pairings over (P, Q) and (−P, Q), whose product is 1, as well as arbitrary pairs. */
const pairingArb = fc.oneof(
  fc.array(fc.tuple(g1Arb, g2Arb), { minLength: 0, maxLength: 2 }).chain((pairs) => withLength(0x0fn, pairs.flatMap(([a, b]) => [...a, ...b]), 384)),
  fc.constant<PrecompileInput>({ address: 0x0fn, words: [...G1_POINTS[1]!, ...g2Words(1n), ...G1_POINTS[3]!, ...g2Words(1n)], length: 768n }),
);
/** Field elements to map: 0, 1, p−1 (valid), p (invalid), 2^512−1 as both words set. */
const fpArb = fc.constantFrom(0n, 1n, P - 1n, P, (1n << 512n) - 1n).map(fpWords);
const mapG1Arb = fpArb.chain((words) => withLength(0x10n, words, 64));
const mapG2Arb = fc.tuple(fpArb, fpArb).chain(([c0, c1]) => withLength(0x11n, [...c0, ...c1], 128));

const P256_KEY = sha256(new TextEncoder().encode("svm fuzz p256 key"));
const P256_N = p256.Point.Fn.ORDER;
const P256_P = p256.Point.Fp.ORDER;
/** h, r, s, qx, qy of a valid signature, and the variants EIP-7951 rejects: r or s 0 or ≥ n, a public key off the curve or at infinity or with a coordinate ≥ p, a changed hash. */
const p256Arb: fc.Arbitrary<PrecompileInput> = fc
  .record({
    hash: wordArb,
    flaw: fc.oneof(
      { weight: 5, arbitrary: fc.constant("none" as const) },
      { weight: 1, arbitrary: fc.constantFrom("r0", "rn", "s0", "sn", "off-curve", "infinity", "x-p", "other-hash", "high-s") },
    ),
    length: lengthNear(160, WORD),
  })
  .map(({ hash, flaw, length }) => {
    const signature = p256.Signature.fromBytes(p256.sign(bigIntToBytes(hash, WORD), P256_KEY, { prehash: false, lowS: false }), "compact");
    const publicKey = p256.Point.fromBytes(p256.getPublicKey(P256_KEY, false)).toAffine();
    let [h, r, s, x, y] = [hash, signature.r, signature.s, publicKey.x, publicKey.y];
    if (flaw === "r0") r = 0n;
    if (flaw === "rn") r = P256_N;
    if (flaw === "s0") s = 0n;
    if (flaw === "sn") s = P256_N;
    if (flaw === "high-s") s = P256_N - s; // EIP-7951 accepts both s and n − s (no malleability check)
    if (flaw === "off-curve") y = (y + 1n) % P256_P;
    if (flaw === "infinity") [x, y] = [0n, 0n];
    if (flaw === "x-p") x = P256_P;
    if (flaw === "other-hash") h = (h + 1n) & LOW_WORD;
    return { address: 0x100n, words: [h, r, s, x, y], length };
  });

/**
 * modexp with one length at EIP-7823's bound (1024 bytes passes, 1025 fails in Osaka) and the
 * others small: the operands read from memory past the written words, zero-padded as the EIP says.
 */
const modexpBoundArb: fc.Arbitrary<PrecompileInput> = fc
  .record({
    big: fc.constantFrom(1023, 1024, 1025),
    which: fc.integer({ min: 0, max: 2 }),
    small: fc.constantFrom(0, 1, 32, 33),
    tail: fc.array(wordArb, { maxLength: 2 }),
  })
  .map(({ big, which, small, tail }) => {
    const lengths = [small, small, small].map((n, i) => (i === which ? big : n));
    const header = concatBytes(...lengths.map((n) => bigIntToBytes(BigInt(n), WORD)));
    const words = [...Array.from({ length: 3 }, (_, i) => bytesToBigInt(header.subarray(i * WORD, (i + 1) * WORD))), ...tail];
    return { address: 5n, words, length: BigInt(3 * WORD + lengths.reduce<number>((a, b) => a + b, 0)) };
  });

export const praguePrecompileInputArb: fc.Arbitrary<PrecompileInput> = fc.oneof(
  g1AddArb,
  g2AddArb,
  g1MsmArb,
  g2MsmArb,
  pairingArb,
  mapG1Arb,
  mapG2Arb,
  p256Arb,
  modexpBoundArb,
);

/** A valid P256VERIFY input for a fixed hash: h, r, s, qx, qy. */
function p256Words(hash: bigint): bigint[] {
  const signature = p256.Signature.fromBytes(p256.sign(bigIntToBytes(hash, WORD), P256_KEY, { prehash: false, lowS: false }), "compact");
  const publicKey = p256.Point.fromBytes(p256.getPublicKey(P256_KEY, false)).toAffine();
  return [hash, signature.r, signature.s, publicKey.x, publicKey.y];
}

/** modexp with the base or the modulus `length` bytes long and a one-byte exponent of 3. */
function modexpWithLength(which: "base" | "modulus", length: number): PrecompileInput {
  const [b, m] = which === "base" ? [length, 1] : [1, length];
  const header = [BigInt(b), 1n, BigInt(m)];
  return { address: 5n, words: [...header, (1n << 255n) | 3n], length: BigInt(3 * WORD + b + 1 + m) };
}

/**
 * Precompile calls in groups that straddle one input edge each, run together by a program's
 * leading sweeps (program-arbitrary.ts), as instruction sweeps straddle operand edges: MODEXP's
 * base and modulus at 1023, 1024 and 1025 bytes (EIP-7823; affordable, so the result shows),
 * P256VERIFY at 159, 160 and 161 bytes, and G1ADD at 255, 256 and 257 bytes.
 */
export const PRECOMPILE_EDGE_GROUPS: readonly (readonly PrecompileInput[])[] = [
  [1023, 1024, 1025].map((length) => modexpWithLength("base", length)),
  [1023, 1024, 1025].map((length) => modexpWithLength("modulus", length)),
  [159n, 160n, 161n].map((length) => ({ address: 0x100n, words: p256Words(0x5eedn), length })),
  [255n, 256n, 257n].map((length) => ({ address: 0x0bn, words: [...G1_POINTS[1]!, ...G1_POINTS[2]!], length })),
];
