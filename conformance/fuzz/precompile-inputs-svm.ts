/**
 * Inputs for the SVM fork's own precompiles (docs/extensions.md, 0x010001-0x010050), so that
 * `svm fuzz --fork SVM` reaches their computations and every input check: real signatures made
 * here, then broken in the ways the table names — a flipped bit, a wrong length, a non-canonical
 * encoding (Ed25519's S ≥ L or y ≥ p, BIP-340's r ≥ p or s ≥ n), a point off the curve or outside
 * the subgroup, an unknown hybrid id — and calls given exactly the price or one gas less.
 *
 * Everything is a function of fast-check's draws and fixed seeds, so a fuzz seed replays the same
 * inputs: ML-DSA, SLH-DSA and Ed25519 sign deterministically, Falcon is given fixed entropy, and
 * the RSA key is derived from a label. Signing is cheap for the classical schemes and ML-DSA,
 * which sign each drawn message; SLH-DSA and Falcon take 0.1-30 s per signature in JavaScript, so
 * each signs one fixed message once per process (made on first use) and the fuzzer varies the rest.
 */
import { constants, checkPrimeSync, createCipheriv, createPrivateKey, sign as rsaSign } from "node:crypto";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { schnorr, secp256k1 } from "@noble/curves/secp256k1.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s, slh_dsa_shake_128f, slh_dsa_shake_128s } from "@noble/post-quantum/slh-dsa.js";
import fc from "fast-check";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { SVM_ADDRESS } from "../../spec/fork/svm-addresses.js";
import { precompileAt } from "../../spec/precompiles/index.js";
import { BLS_POP_DST } from "../../spec/precompiles/svm/bls.js";
import { PQ_SCHEMES, type PqScheme } from "../../spec/precompiles/svm/post-quantum-schemes.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../spec/primitives/bytes.js";
import type { Block, Program } from "./program.js";
import { type PrecompileInput, wordsOf } from "./precompile-inputs.js";
import { slotArb } from "./values.js";

type Bytes = Uint8Array;
/** A change that makes a valid input invalid in one documented way. */
type Flaw = (input: Bytes) => Bytes;

const encoder = new TextEncoder();
const label = (text: string): Bytes => sha256(encoder.encode(text));

/** The price the SVM schedule charges for this exact input (computed from the input alone). */
export function svmPrice(address: bigint, input: Bytes): bigint {
  return precompileAt(address, SCHEDULES.SVM).gasCost(input, SCHEDULES.SVM);
}

function flipBit(bytes: Bytes, bit: number): Bytes {
  const copy = bytes.slice();
  if (copy.length > 0) copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
}

function replaced(bytes: Bytes, at: number, part: Bytes): Bytes {
  const copy = bytes.slice();
  copy.set(part, at);
  return copy;
}

const littleEndian = (value: bigint, length: number): Bytes => bigIntToBytes(value, length).reverse();

type Variant =
  | { readonly kind: "as-is" }
  | { readonly kind: "flip"; readonly bit: number }
  | { readonly kind: "length"; readonly delta: number }
  | { readonly kind: "gas"; readonly delta: bigint }
  | { readonly kind: "flaw"; readonly index: number };

/**
 * The valid input as it is (and then the call gets all gas), with one bit flipped anywhere, one
 * byte or one word short or one byte long (the byte past the end is whatever memory holds there),
 * forwarded exactly its price or one gas less, or broken by one of the scheme's own flaws.
 */
function variantsOf(address: bigint, valid: fc.Arbitrary<Bytes>, flaws: readonly Flaw[] = []): fc.Arbitrary<PrecompileInput> {
  const variant: fc.Arbitrary<Variant> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: "as-is" as const }) },
    { weight: 2, arbitrary: fc.nat().map((bit) => ({ kind: "flip" as const, bit })) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 1, -32).map((delta) => ({ kind: "length" as const, delta })) },
    { weight: 2, arbitrary: fc.constantFrom(0n, -1n).map((delta) => ({ kind: "gas" as const, delta })) },
    ...(flaws.length === 0 ? [] : [{ weight: 3, arbitrary: fc.nat(flaws.length - 1).map((index) => ({ kind: "flaw" as const, index })) }]),
  );
  return fc.record({ input: valid, variant }).map(({ input, variant }): PrecompileInput => {
    const at = (bytes: Bytes, length = bytes.length) => ({ address, words: wordsOf(bytes), length: BigInt(Math.max(0, length)) });
    switch (variant.kind) {
      case "as-is":
        return at(input);
      case "flip":
        return at(flipBit(input, variant.bit));
      case "length":
        return at(input, input.length + variant.delta);
      case "gas":
        return { ...at(input), gas: svmPrice(address, input) + variant.delta };
      case "flaw":
        return at(flaws[variant.index]!(input));
    }
  });
}

const messageArb = (maxLength: number) => fc.uint8Array({ maxLength });
const message32Arb = fc.uint8Array({ minLength: 32, maxLength: 32 });

// ---- hashes and AES-GCM (rules N and F) ----

const hashArb = fc
  .record({
    address: fc.constantFrom(SVM_ADDRESS.SHA3_256, SVM_ADDRESS.SHA3_512, SVM_ADDRESS.BLAKE2B_512, SVM_ADDRESS.BLAKE3_256),
    data: fc.oneof(messageArb(80), fc.integer({ min: 0, max: 300 }).map((n) => new Uint8Array(n).fill(0xa5))),
  })
  .chain(({ address, data }) => variantsOf(address, fc.constant(data)));

const GCM_HEADER = 32 + 12 + 32;
const gcmArb = variantsOf(
  SVM_ADDRESS.AES256GCM_DECRYPT,
  fc
    .record({ key: fc.uint8Array({ minLength: 32, maxLength: 32 }), nonce: fc.uint8Array({ minLength: 12, maxLength: 12 }), aad: messageArb(40), plaintext: messageArb(80) })
    .map(({ key, nonce, aad, plaintext }) => {
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(aad);
      const ciphertext = concatBytes(cipher.update(plaintext), cipher.final());
      return concatBytes(key, nonce, bigIntToBytes(BigInt(aad.length), 32), aad, ciphertext, cipher.getAuthTag());
    }),
  [
    // aadLen past the end of the input, and one byte more than what is left.
    (input) => replaced(input, 44, bigIntToBytes(BigInt(input.length), 32)),
    (input) => replaced(input, 44, bigIntToBytes(BigInt(input.length - 92 + 1), 32)),
    (input) => input.subarray(0, 91),
    (input) => replaced(input, 44, new Uint8Array(32).fill(0xff)),
  ],
);

// ---- Ed25519 (RFC 8032, strict) ----

const ED_P = 2n ** 255n - 19n;
const ED_L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** The first y whose encoding decodes to no point (x² = (y² − 1)/(d·y² + 1) has no root). */
const ED_NO_POINT = (() => {
  for (let y = 2n; ; y++) {
    try {
      ed25519.Point.fromBytes(littleEndian(y, 32));
    } catch {
      return littleEndian(y, 32);
    }
  }
})();
/** The identity (y = 1) encoded canonically, and non-canonically as y = p + 1. */
const ED_IDENTITY = littleEndian(1n, 32);
const ED_IDENTITY_NON_CANONICAL = littleEndian(ED_P + 1n, 32);
const edS = (input: Bytes) => bytesToBigInt(input.slice(64, 96).reverse());

const ed25519Arb = variantsOf(
  SVM_ADDRESS.ED25519_VERIFY,
  fc.record({ secret: fc.uint8Array({ minLength: 32, maxLength: 32 }), message: messageArb(100) }).map(({ secret, message }) =>
    concatBytes(ed25519.getPublicKey(secret), ed25519.sign(message, secret), message),
  ),
  [
    (input) => replaced(input, 64, littleEndian(edS(input) + ED_L, 32)), // S + L: same scalar, non-canonical
    (input) => replaced(input, 64, littleEndian(ED_L, 32)), // S = L
    (input) => replaced(input, 32, ED_IDENTITY_NON_CANONICAL), // R with y ≥ p
    (input) => replaced(input, 0, ED_IDENTITY_NON_CANONICAL), // A with y ≥ p
    (input) => replaced(input, 0, ED_NO_POINT), // A on no point
    (input) => replaced(input, 32, ED_NO_POINT), // R on no point
    // A small-order key (the identity) with R = identity and S = 0: the cofactored equation holds.
    (input) => concatBytes(ED_IDENTITY, ED_IDENTITY, new Uint8Array(32), input.subarray(96)),
  ],
);

// ---- BIP-340 Schnorr ----

const K1_P = secp256k1.Point.Fp.ORDER;
const K1_N = secp256k1.Point.Fn.ORDER;
/** The first x with x³ + 7 not a square mod p: a public key on no point. */
const K1_NO_POINT = (() => {
  const Fp = secp256k1.Point.Fp;
  for (let x = 1n; ; x++) {
    try {
      Fp.sqrt(Fp.add(Fp.mul(Fp.sqr(x), x), 7n));
    } catch {
      return bigIntToBytes(x, 32);
    }
  }
})();

const schnorrArb = variantsOf(
  SVM_ADDRESS.SCHNORR_VERIFY,
  fc
    .record({ secret: fc.bigInt({ min: 1n, max: K1_N - 1n }), aux: fc.uint8Array({ minLength: 32, maxLength: 32 }), message: messageArb(100) })
    .map(({ secret, aux, message }) => {
      const key = bigIntToBytes(secret, 32);
      return concatBytes(schnorr.getPublicKey(key), schnorr.sign(message, key, aux), message);
    }),
  [
    (input) => replaced(input, 32, bigIntToBytes(K1_P, 32)), // r = p
    (input) => replaced(input, 64, bigIntToBytes(K1_N + (bytesToBigInt(input.subarray(64, 96)) & 0xffffn), 32)), // s ≥ n
    (input) => replaced(input, 0, K1_NO_POINT),
    (input) => replaced(input, 0, bigIntToBytes(K1_P + 1n, 32)), // x ≥ p
  ],
);

// ---- RSA (RFC 8017, SHA-256) ----

/** The first prime at or above a label's 1024-bit hash (with the top bit set): a fixed key, no randomness. */
function derivedPrime(text: string): bigint {
  let candidate = bytesToBigInt(concatBytes(...[0, 1, 2, 3].map((i) => label(`${text} ${i}`)))) | (3n << 1022n) | 1n;
  while (!checkPrimeSync(candidate)) candidate += 2n;
  return candidate;
}

function inverse(value: bigint, modulus: bigint): bigint {
  let [a, b, x, y] = [value % modulus, modulus, 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b, x, y] = [b, a - q * b, y, x - q * y];
  }
  return ((x % modulus) + modulus) % modulus;
}

const base64url = (value: bigint) => Buffer.from(bigIntToBytes(value, Math.ceil(value.toString(16).length / 2))).toString("base64url");

let rsaKey: { n: Bytes; privateKey: ReturnType<typeof createPrivateKey> } | undefined;
/** A 2048-bit key with e = 65537 from two derived primes, made on first use. */
function rsaKeyPair() {
  if (rsaKey !== undefined) return rsaKey;
  const [p, q] = [derivedPrime("svm fuzz rsa p"), derivedPrime("svm fuzz rsa q")];
  const e = 65537n;
  const d = inverse(e, (p - 1n) * (q - 1n));
  const n = p * q;
  const jwk = { kty: "RSA", n: base64url(n), e: base64url(e), d: base64url(d), p: base64url(p), q: base64url(q), dp: base64url(d % (p - 1n)), dq: base64url(d % (q - 1n)), qi: base64url(inverse(q, p)) };
  rsaKey = { n: bigIntToBytes(n, 256), privateKey: createPrivateKey({ key: jwk, format: "jwk" }) };
  return rsaKey;
}

const RSA_E = Uint8Array.of(1, 0, 1);
const rsaInput = (n: Bytes, e: Bytes, signature: Bytes, message: Bytes, nLength = n.length, eLength = e.length) =>
  concatBytes(bigIntToBytes(BigInt(nLength), 32), bigIntToBytes(BigInt(eLength), 32), n, e, signature, message);

const rsaArb = (pss: boolean) =>
  variantsOf(
    pss ? SVM_ADDRESS.RSA_PSS_SHA256_VERIFY : SVM_ADDRESS.RSA_PKCS1_SHA256_VERIFY,
    fc.record({ message: messageArb(64), otherPadding: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }).map(({ message, otherPadding }) => {
      const { n, privateKey } = rsaKeyPair();
      const usePss = pss !== otherPadding; // sometimes the other scheme's signature: invalid here
      const signature = rsaSign("sha256", message, usePss ? { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : privateKey);
      return rsaInput(n, RSA_E, signature, message);
    }),
    [
      (input) => replaced(input, 64 + 256 + 3, input.subarray(64, 64 + 256)), // sig = n
      (input) => replaced(input, 64 + 256, Uint8Array.of(1, 0, 0)), // even e
      (input) => replaced(input, 64 + 256, Uint8Array.of(0, 0, 1)), // e with a leading zero byte (e = 1)
      (input) => replaced(input, 0, bigIntToBytes(255n, 32)), // nLen below 256
      (input) => replaced(input, 0, bigIntToBytes(513n, 32)), // nLen above 512
      (input) => replaced(input, 32, bigIntToBytes(0n, 32)), // eLen 0
      (input) => replaced(input, 32, bigIntToBytes(5n, 32)), // eLen 5
      (input) => replaced(input, 64 + 255, Uint8Array.of(input[64 + 255]! ^ 1)), // even n
    ],
  );

// ---- BLS12-381 (min-pk, POP ciphersuite) ----

const bls = bls12_381.longSignatures;
const BLS_SECRETS = [1001n, 1002n, 1003n].map((k) => bigIntToBytes(k, 32));
const BLS_PUBLIC_KEYS = BLS_SECRETS.map((secret) => bls.getPublicKey(secret).toBytes(true));
const BLS_R = bls12_381.G1.Point.Fn.ORDER;
const blsSign = (message: Bytes, secret: Bytes) => bls.sign(bls.hash(message, BLS_POP_DST), secret);

/** Compressed G1 infinity, and a point on the curve outside the order-r subgroup (ZCash encoding). */
const G1_INFINITY = Uint8Array.of(0xc0, ...new Uint8Array(47));
const G2_INFINITY = Uint8Array.of(0xc0, ...new Uint8Array(95));
const G1_OUTSIDE = (() => {
  const Fp = bls12_381.G1.Point.Fp;
  for (let x = 1n; ; x++) {
    let y: bigint;
    try {
      y = Fp.sqrt(Fp.add(Fp.mul(Fp.sqr(x), x), 4n));
    } catch {
      continue;
    }
    if (bls12_381.G1.Point.fromAffine({ x, y }).isTorsionFree()) continue;
    const encoded = bigIntToBytes(x, 48);
    encoded[0]! |= 0x80 | (y > (Fp.ORDER - 1n) / 2n ? 0x20 : 0);
    return encoded;
  }
})();

const blsKeyFlaws: Flaw[] = [(input) => replaced(input, 0, G1_INFINITY), (input) => replaced(input, 0, G1_OUTSIDE)];
const blsVerifyArb = variantsOf(
  SVM_ADDRESS.BLS_VERIFY,
  fc.record({ signer: fc.nat(2), message: messageArb(64) }).map(({ signer, message }) =>
    concatBytes(BLS_PUBLIC_KEYS[signer]!, blsSign(message, BLS_SECRETS[signer]!).toBytes(true), message),
  ),
  [...blsKeyFlaws, (input) => replaced(input, 48, G2_INFINITY), (input) => replaced(input, 48, Uint8Array.of(input[48]! & 0x7f))],
);
/** Pairs (pk ‖ msg 32) of distinct signers: one or two (each costs 80000 gas and a pairing). */
const blsAggregateArb = variantsOf(
  SVM_ADDRESS.BLS_AGGREGATE_VERIFY,
  fc.array(message32Arb, { minLength: 1, maxLength: 2 }).map((messages) => {
    const signature = bls.aggregateSignatures(messages.map((m, i) => blsSign(m, BLS_SECRETS[i]!))).toBytes(true);
    return concatBytes(signature, ...messages.map((m, i) => concatBytes(BLS_PUBLIC_KEYS[i]!, m)));
  }),
  [(input) => replaced(input, 96, G1_INFINITY), (input) => replaced(input, 96, G1_OUTSIDE), (input) => replaced(input, 0, G2_INFINITY)],
);
/** One message signed by k of the three keys: the aggregate is a signature by the sum of their secrets. */
const blsFastAggregateArb = variantsOf(
  SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY,
  fc.record({ k: fc.integer({ min: 1, max: 3 }), message: message32Arb }).map(({ k, message }) => {
    const secret = BLS_SECRETS.slice(0, k).reduce((sum, s) => (sum + bytesToBigInt(s)) % BLS_R, 0n);
    return concatBytes(blsSign(message, bigIntToBytes(secret, 32)).toBytes(true), message, ...BLS_PUBLIC_KEYS.slice(0, k));
  }),
  [(input) => replaced(input, 128, G1_INFINITY), (input) => replaced(input, 128, G1_OUTSIDE), (input) => input.subarray(0, 128)],
);

// ---- post-quantum (FIPS 204, FIPS 205, Falcon v1.2 padded) ----

interface PqSigner {
  readonly scheme: PqScheme;
  keygen(): { publicKey: Bytes; secretKey: Bytes };
  sign(message: Bytes, secretKey: Bytes): Bytes;
  /** Signs each drawn message (fast), or one fixed message once (slow). */
  readonly perMessage: boolean;
}

const schemeNamed = (name: PqScheme["name"]) => PQ_SCHEMES.find((s) => s.name === name)!;
const deterministic = { extraEntropy: false } as const;
/** A key-generation seed of `length` bytes derived from the scheme's name. */
const seeded = (length: number, name: string) => concatBytes(label(`svm fuzz ${name}`), label(`svm fuzz ${name} tail`)).subarray(0, length);
type Library = { keygen(seed: Bytes): { publicKey: Bytes; secretKey: Bytes }; sign(message: Bytes, secretKey: Bytes, opts?: object): Bytes };
const pqSigner = (name: PqScheme["name"], library: Library, seedLength: number, perMessage: boolean, opts: object): PqSigner => ({
  scheme: schemeNamed(name),
  keygen: () => library.keygen(seeded(seedLength, name)),
  sign: (message, secretKey) => library.sign(message, secretKey, opts),
  perMessage,
});
const FALCON_ENTROPY = { extraEntropy: new Uint8Array(48).fill(0x5f) };
const PQ_SIGNERS: readonly PqSigner[] = [
  pqSigner("MLDSA44_VERIFY", ml_dsa44, 32, true, deterministic),
  pqSigner("MLDSA65_VERIFY", ml_dsa65, 32, true, deterministic),
  pqSigner("MLDSA87_VERIFY", ml_dsa87, 32, true, deterministic),
  pqSigner("SLHDSA_SHA2_128S_VERIFY", slh_dsa_sha2_128s, 48, false, deterministic),
  pqSigner("SLHDSA_SHA2_128F_VERIFY", slh_dsa_sha2_128f, 48, false, deterministic),
  pqSigner("SLHDSA_SHAKE_128S_VERIFY", slh_dsa_shake_128s, 48, false, deterministic),
  pqSigner("SLHDSA_SHAKE_128F_VERIFY", slh_dsa_shake_128f, 48, false, deterministic),
  pqSigner("FALCON512_VERIFY", falcon512padded, 48, false, FALCON_ENTROPY),
  pqSigner("FALCON1024_VERIFY", falcon1024padded, 48, false, FALCON_ENTROPY),
];

const POOL_MESSAGE = label("svm fuzz pool message");
const keys = new Map<string, { publicKey: Bytes; secretKey: Bytes }>();
const pooled = new Map<string, Bytes>();

/** The value made once per process (keys, and the slow schemes' one signature). */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A signature over `message` (fast schemes), or the pool's over POOL_MESSAGE (slow ones): returns both. */
function pqSigned(signer: PqSigner, message: Bytes): { message: Bytes; signature: Bytes; publicKey: Bytes } {
  const name = signer.scheme.name;
  const { publicKey, secretKey } = cached(keys, name, () => signer.keygen());
  if (signer.perMessage) return { message, signature: signer.sign(message, secretKey), publicKey };
  return { message: POOL_MESSAGE, signature: cached(pooled, name, () => signer.sign(POOL_MESSAGE, secretKey)), publicKey };
}

/** The pq part of a layout: sig ‖ pk, or pk ‖ sig. */
const pqPart = (scheme: PqScheme, signature: Bytes, publicKey: Bytes) =>
  scheme.layout === "msg32-sig-pk" ? concatBytes(signature, publicKey) : concatBytes(publicKey, signature);

const pqArb = (signer: PqSigner) =>
  variantsOf(
    SVM_ADDRESS[signer.scheme.name],
    message32Arb.map((drawn) => {
      const { message, signature, publicKey } = pqSigned(signer, drawn);
      return signer.scheme.layout === "msg32-sig-pk" ? concatBytes(message, signature, publicKey) : concatBytes(publicKey, signature, message);
    }),
    signer.scheme.layout === "pk-sig-msg"
      ? [(input) => concatBytes(input, Uint8Array.of(0)), (input) => input.subarray(0, signer.scheme.publicKeyLength + signer.scheme.signatureLength)] // another message: longer, empty
      : [(input) => replaced(input, 0, flipBit(input.subarray(0, 32), 0))],
  );

// ---- HYBRID_VERIFY ----

const K1_SECRET = label("svm fuzz hybrid secp256k1");
const R1_SECRET = label("svm fuzz hybrid p256");
const ED_SECRET = label("svm fuzz hybrid ed25519");
const ecdsaPart = (curve: typeof secp256k1 | typeof p256, secret: Bytes, message: Bytes) =>
  concatBytes(curve.sign(message, secret, { prehash: false }), curve.getPublicKey(secret, false).subarray(1));
const CLASSICAL_PARTS: readonly ((message: Bytes) => Bytes)[] = [
  (message) => ecdsaPart(secp256k1, K1_SECRET, message),
  (message) => ecdsaPart(p256, R1_SECRET, message),
  (message) => concatBytes(ed25519.getPublicKey(ED_SECRET), ed25519.sign(message, ED_SECRET)),
];

const HYBRID_HEADER = 34;
/** Hybrid pq ids weighted towards the cheap schemes (SLH-DSA-SHAKE-128f alone prices 200000 gas). */
const hybridPqArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(1, 2, 3, 8, 9) },
  { weight: 2, arbitrary: fc.constantFrom(4, 5) },
  { weight: 1, arbitrary: fc.constantFrom(6, 7) },
);
const hybridArb = variantsOf(
  SVM_ADDRESS.HYBRID_VERIFY,
  fc.record({ classicalId: fc.integer({ min: 1, max: 3 }), pqId: hybridPqArb, message: message32Arb }).map(({ classicalId, pqId, message: drawn }) => {
    const signer = PQ_SIGNERS.find((s) => s.scheme.pqId === pqId)!;
    const { message, signature, publicKey } = pqSigned(signer, drawn);
    return concatBytes(Uint8Array.of(classicalId, pqId), message, CLASSICAL_PARTS[classicalId - 1]!(message), pqPart(signer.scheme, signature, publicKey));
  }),
  [
    (input) => replaced(input, 0, Uint8Array.of(0)), // unknown classical id
    (input) => replaced(input, 1, Uint8Array.of(10)), // unknown pq id
    (input) => replaced(input, 0, Uint8Array.of(input[0] === 1 ? 2 : 1)), // the other ECDSA curve (or the wrong part length)
    (input) => replaced(input, HYBRID_HEADER, new Uint8Array(32)), // r = 0 (ECDSA), or an all-zero key A (Ed25519)
    (input) => (input[0] === 3 ? input : replaced(input, HYBRID_HEADER + 32, bigIntToBytes((input[0] === 1 ? K1_N : p256.Point.Fn.ORDER) - bytesToBigInt(input.subarray(HYBRID_HEADER + 32, HYBRID_HEADER + 64)), 32))), // high s: accepted
    (input) => (input[0] === 3 ? input : replaced(input, HYBRID_HEADER + 96, bigIntToBytes(bytesToBigInt(input.subarray(HYBRID_HEADER + 96, HYBRID_HEADER + 128)) ^ 1n, 32))), // Q off the curve
  ],
);

/** Every SVM precompile's inputs by name, for tests and for the weights below. */
export const SVM_INPUT_ARBS = {
  hashes: hashArb,
  aesGcm: gcmArb,
  ed25519: ed25519Arb,
  schnorr: schnorrArb,
  rsaPkcs1: rsaArb(false),
  rsaPss: rsaArb(true),
  blsVerify: blsVerifyArb,
  blsAggregate: blsAggregateArb,
  blsFastAggregate: blsFastAggregateArb,
  ...Object.fromEntries(PQ_SIGNERS.map((signer) => [signer.scheme.name, pqArb(signer)])),
  hybrid: hybridArb,
} as Readonly<Record<string, fc.Arbitrary<PrecompileInput>>>;

/**
 * Weights by cost: a BLS verification and SLH-DSA-SHAKE take 20-140 ms in each implementation
 * (docs/extensions.md, "Measurements"), the rest a few ms or less.
 */
const SVM_WEIGHTS: Readonly<Record<string, number>> = {
  hashes: 4, aesGcm: 4, ed25519: 4, schnorr: 4, rsaPkcs1: 3, rsaPss: 3, blsVerify: 1, blsAggregate: 1, blsFastAggregate: 1,
  MLDSA44_VERIFY: 3, MLDSA65_VERIFY: 2, MLDSA87_VERIFY: 2, SLHDSA_SHA2_128S_VERIFY: 2, SLHDSA_SHA2_128F_VERIFY: 2,
  SLHDSA_SHAKE_128S_VERIFY: 1, SLHDSA_SHAKE_128F_VERIFY: 1, FALCON512_VERIFY: 3, FALCON1024_VERIFY: 2, hybrid: 4,
};

export const svmPrecompileInputArb: fc.Arbitrary<PrecompileInput> = fc.oneof(
  ...Object.entries(SVM_INPUT_ARBS).map(([name, arbitrary]) => ({ weight: SVM_WEIGHTS[name]!, arbitrary })),
);

/** A CALL or STATICCALL of an SVM precompile, its success flag popped or stored. */
export const svmPrecompileBlockArb: fc.Arbitrary<Block> = fc
  .record({
    mnemonic: fc.constantFrom("CALL" as const, "STATICCALL" as const),
    input: svmPrecompileInputArb,
    sink: fc.oneof(fc.constant({ kind: "pop" as const }), slotArb.map((slot) => ({ kind: "sstore" as const, slot }))),
  })
  .map(({ mnemonic, input, sink }): Block => ({ kind: "precompile", mnemonic, ...input, sink }));

/**
 * A program with one to three SVM precompile calls spliced in among its top-level blocks (the
 * first often at the head, before anything can halt the frame): what `--fork SVM` generates.
 */
export const withSvmPrecompileCalls = (programArb: fc.Arbitrary<Program>): fc.Arbitrary<Program> =>
  fc
    .record({ program: programArb, calls: fc.array(fc.tuple(fc.nat(12), svmPrecompileBlockArb), { minLength: 1, maxLength: 3 }) })
    .map(({ program, calls }) => {
      const blocks = [...program.blocks];
      for (const [at, call] of calls) blocks.splice(Math.min(at, blocks.length), 0, call);
      return { ...program, blocks };
    });
