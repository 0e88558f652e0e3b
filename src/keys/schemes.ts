/**
 * Every signature scheme an SVM precompile verifies (docs/extensions.md), as key generation,
 * signing and verification with the audited libraries the precompiles themselves call
 * (@noble/curves, @noble/post-quantum; node:crypto for RSA). Public keys and signatures are kept
 * in the encoding the precompile takes, and `calls` lays them out as its input.
 *
 * Determinism: with a seed, every random choice (key generation, hedged signing) is drawn from
 * SHAKE256("svm keys/<scheme>/<purpose>" ‖ seed), so the same seed gives the same bytes. RSA keys
 * cannot be seeded (node:crypto draws its primes itself) and RSA-PSS salts are node:crypto's.
 */
import { constants, createPrivateKey, createPublicKey, generateKeyPairSync, sign as rsaSign, verify as rsaVerify } from "node:crypto";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { schnorr, secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToNumberBE } from "@noble/curves/utils.js";
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s, slh_dsa_shake_128f, slh_dsa_shake_128s } from "@noble/post-quantum/slh-dsa.js";
import { shake256 } from "@noble/hashes/sha3.js";
import { randomBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { call, concatBytes, KeyInputError, type PrecompileCall, word } from "./encoding.js";

export interface KeyPair {
  readonly secretKey: Uint8Array;
  /** In the precompile's encoding (see each scheme's `publicKeyLayout`). */
  readonly publicKey: Uint8Array;
}

/** Where a scheme sits in HYBRID_VERIFY (0x010050): its id and its part of the input, the message left out. */
export interface HybridRole {
  readonly side: "classical" | "pq";
  readonly id: number;
  part(publicKey: Uint8Array, signature: Uint8Array): Uint8Array;
}

export interface Scheme {
  readonly name: string;
  readonly standard: string;
  /** The precompile that verifies it, e.g. `0x010040 MLDSA44_VERIFY`. */
  readonly precompile: string;
  readonly publicKeyLayout: string;
  readonly signatureLayout: string;
  /** The message length the precompile requires, when it requires one (32: a digest). */
  readonly messageLength?: number;
  /** Generation takes a seed (RSA's does not). */
  readonly seedable: boolean;
  /** Key sizes in bits to choose from with `generate`'s `bits` (RSA); absent where the scheme fixes it. */
  readonly keySizes?: readonly number[];
  generate(seed: Uint8Array | undefined, options?: { readonly bits?: number }): KeyPair;
  sign(secretKey: Uint8Array, message: Uint8Array, seed: Uint8Array | undefined): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** The precompile calls that verify this signature, first the one the scheme is for. */
  calls(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): PrecompileCall[];
  readonly hybrid?: HybridRole;
}

/** A seed shorter than this is refused: it would be guessable. */
export const MIN_SEED_BYTES = 16;

/** SHAKE256(label ‖ seed) to `length` bytes: independent streams of one seed for each scheme and purpose. */
export function derive(seed: Uint8Array, label: string, length: number): Uint8Array {
  return shake256(concatBytes(utf8ToBytes(`svm keys/${label}`), seed), { dkLen: length });
}

const randomness = (seed: Uint8Array | undefined, label: string, length: number) =>
  seed === undefined ? randomBytes(length) : derive(seed, label, length);

/** Verification by a library that throws on malformed input: a throw is "not valid", as rule V says. */
function holds(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

interface PostQuantumLibrary {
  readonly lengths: { readonly seed?: number; readonly signRand?: number; readonly signature?: number; readonly publicKey?: number };
  keygen(seed?: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array };
  sign(message: Uint8Array, secretKey: Uint8Array, options?: { extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** ML-DSA and SLH-DSA: msg 32 ‖ sig ‖ pk (EIP-8051's order), pure signing with the empty context (FIPS 204 §5.2, FIPS 205 §10.2). */
function messageFirst(name: string, library: PostQuantumLibrary, address: number, precompile: string, standard: string, hybridId: number): Scheme {
  return {
    name,
    standard,
    precompile: `0x${address.toString(16).padStart(6, "0")} ${precompile}`,
    publicKeyLayout: `pk ${library.lengths.publicKey} (FIPS encoding)`,
    signatureLayout: `sig ${library.lengths.signature}`,
    messageLength: 32,
    seedable: true,
    generate: (seed) => library.keygen(randomness(seed, `${name}/keygen`, library.lengths.seed!)),
    sign: (secretKey, message, seed) =>
      library.sign(message, secretKey, { extraEntropy: randomness(seed, `${name}/sign`, library.lengths.signRand!) }),
    verify: (publicKey, message, signature) => holds(() => library.verify(signature, message, publicKey)),
    calls: (publicKey, message, signature) => [call(address, precompile, message, signature, publicKey)],
    hybrid: { side: "pq", id: hybridId, part: (publicKey, signature) => concatBytes(signature, publicKey) },
  };
}

/** Falcon (v1.2, padded signatures): pk ‖ sig ‖ msg (EIP-7619's order). */
function falcon(name: string, library: PostQuantumLibrary, address: number, precompile: string, hybridId: number): Scheme {
  return {
    ...messageFirst(name, library, address, precompile, "Falcon v1.2, padded signatures", hybridId),
    publicKeyLayout: `pk ${library.lengths.publicKey}`,
    messageLength: undefined,
    calls: (publicKey, message, signature) => [call(address, precompile, publicKey, signature, message)],
    hybrid: { side: "pq", id: hybridId, part: (publicKey, signature) => concatBytes(publicKey, signature) },
  };
}

const ed25519Scheme: Scheme = {
  name: "ed25519",
  precompile: "0x010020 ED25519_VERIFY",
  standard: "RFC 8032 Ed25519 (pure)",
  publicKeyLayout: "pk 32",
  signatureLayout: "sig 64 (R ‖ S)",
  seedable: true,
  generate: (seed) => ed25519.keygen(randomness(seed, "ed25519/keygen", 32)),
  sign: (secretKey, message) => ed25519.sign(message, secretKey),
  verify: (publicKey, message, signature) => holds(() => ed25519.verify(signature, message, publicKey, { zip215: false })),
  calls: (publicKey, message, signature) => [call(0x010020, "ED25519_VERIFY", publicKey, signature, message)],
  hybrid: { side: "classical", id: 0x03, part: (publicKey, signature) => concatBytes(publicKey, signature) },
};

const bip340Scheme: Scheme = {
  name: "bip340",
  precompile: "0x010021 SCHNORR_VERIFY",
  standard: "BIP-340 Schnorr over secp256k1",
  publicKeyLayout: "pk 32 (x-only)",
  signatureLayout: "sig 64",
  seedable: true,
  generate: (seed) => schnorr.keygen(randomness(seed, "bip340/keygen", 48)),
  sign: (secretKey, message, seed) => schnorr.sign(message, secretKey, randomness(seed, "bip340/sign", 32)),
  verify: (publicKey, message, signature) => holds(() => schnorr.verify(signature, message, publicKey)),
  calls: (publicKey, message, signature) => [call(0x010021, "SCHNORR_VERIFY", publicKey, signature, message)],
};

type EcdsaCurve = typeof secp256k1 | typeof p256;

/** ECDSA over a 32-byte digest (the message is the hash h, as EIP-7951 and ECRECOVER take it); public key qx ‖ qy. */
function ecdsaKeys(curve: EcdsaCurve, label: string, seed: Uint8Array | undefined): KeyPair {
  const { secretKey } = curve.keygen(randomness(seed, `${label}/keygen`, 48));
  return { secretKey, publicKey: curve.getPublicKey(secretKey, false).subarray(1) };
}

function ecdsaVerify(curve: EcdsaCurve, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  return holds(
    () =>
      publicKey.length === 64 &&
      message.length === 32 &&
      curve.verify(signature.subarray(0, 64), message, concatBytes(Uint8Array.of(4), publicKey), { prehash: false, lowS: false }),
  );
}

const ecdsaPart = (publicKey: Uint8Array, signature: Uint8Array) => concatBytes(signature.subarray(0, 64), publicKey);

const secp256k1Scheme: Scheme = {
  name: "secp256k1",
  precompile: "0x000001 ECRECOVER (and HYBRID_VERIFY id 0x01)",
  standard: "ECDSA over secp256k1 (SEC 1), deterministic nonces (RFC 6979), low s",
  publicKeyLayout: "qx 32 ‖ qy 32",
  signatureLayout: "r 32 ‖ s 32 ‖ v 1 (v = 27 + recovery id)",
  messageLength: 32,
  seedable: true,
  generate: (seed) => ecdsaKeys(secp256k1, "secp256k1", seed),
  sign: (secretKey, message) => {
    const recovered = secp256k1.sign(message, secretKey, { prehash: false, format: "recovered" });
    return concatBytes(recovered.subarray(1), Uint8Array.of(27 + recovered[0]!));
  },
  verify: (publicKey, message, signature) => signature.length === 65 && ecdsaVerify(secp256k1, publicKey, message, signature),
  // ECRECOVER answers with the signer's address rather than a verdict (Yellow Paper, Appendix E).
  calls: (_publicKey, message, signature) => [call(0x01, "ECRECOVER", message, word(signature[64] ?? 0), signature.subarray(0, 64))],
  hybrid: { side: "classical", id: 0x01, part: ecdsaPart },
};

const p256Scheme: Scheme = {
  name: "p256",
  precompile: "0x000100 P256VERIFY (and HYBRID_VERIFY id 0x02)",
  standard: "ECDSA over P-256 (FIPS 186-5), deterministic nonces (RFC 6979)",
  publicKeyLayout: "qx 32 ‖ qy 32",
  signatureLayout: "r 32 ‖ s 32",
  messageLength: 32,
  seedable: true,
  generate: (seed) => ecdsaKeys(p256, "p256", seed),
  sign: (secretKey, message) => p256.sign(message, secretKey, { prehash: false }),
  verify: (publicKey, message, signature) => signature.length === 64 && ecdsaVerify(p256, publicKey, message, signature),
  calls: (publicKey, message, signature) => [call(0x100, "P256VERIFY", message, signature, publicKey)],
  hybrid: { side: "classical", id: 0x02, part: ecdsaPart },
};

/** The IETF BLS ciphersuite of Ethereum's consensus layer (min-pk, proof of possession), as 0x010030-0x010032 use. */
export const BLS_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
export const bls = bls12_381.longSignatures;

export function blsSign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return bls.sign(bls.hash(message, BLS_DST), secretKey).toBytes(true);
}

/** Verify with the precompile's checks: KeyValidate on the key, the signature in the G2 subgroup. */
export function blsVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  return holds(() => {
    const key = bls12_381.G1.Point.fromBytes(publicKey);
    const point = bls.Signature.fromBytes(signature);
    if (key.is0() || !key.isTorsionFree() || !point.isTorsionFree()) return false;
    return bls.verify(point, bls.hash(message, BLS_DST), key);
  });
}

const blsScheme: Scheme = {
  name: "bls",
  precompile: "0x010030 BLS_VERIFY",
  standard: "IETF BLS signatures draft-05, BLS12-381 min-pk, proof-of-possession ciphersuite",
  publicKeyLayout: "pk 48 (compressed G1)",
  signatureLayout: "sig 96 (compressed G2)",
  seedable: true,
  generate: (seed) => {
    const { secretKey, publicKey } = bls.keygen(randomness(seed, "bls/keygen", 48));
    return { secretKey, publicKey: publicKey.toBytes(true) };
  },
  sign: blsSign,
  verify: blsVerify,
  calls: (publicKey, message, signature) => [call(0x010030, "BLS_VERIFY", publicKey, signature, message)],
};

/** RSA public keys as the precompile's prefix: nLen 32 ‖ eLen 32 ‖ n ‖ e. */
function rsaPublicKey(n: Uint8Array, e: Uint8Array): Uint8Array {
  return concatBytes(word(n.length), word(e.length), n, e);
}

function rsaJwk(publicKey: Uint8Array): { kty: "RSA"; n: string; e: string } {
  if (publicKey.length < 64) throw new KeyInputError("RSA public key: shorter than its nLen and eLen words");
  const nLength = Number(bytesToNumberBE(publicKey.subarray(0, 32)));
  const eLength = Number(bytesToNumberBE(publicKey.subarray(32, 64)));
  if (publicKey.length !== 64 + nLength + eLength) throw new KeyInputError("RSA public key: expected nLen 32 ‖ eLen 32 ‖ n ‖ e");
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  return { kty: "RSA", n: b64(publicKey.subarray(64, 64 + nLength)), e: b64(publicKey.subarray(64 + nLength)) };
}

const RSA_BITS = [2048, 3072, 4096];

function rsa(name: string, pss: boolean): Scheme {
  const padding = pss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : { padding: constants.RSA_PKCS1_PADDING };
  const [address, precompile] = pss ? [0x010023, "RSA_PSS_SHA256_VERIFY"] as const : [0x010022, "RSA_PKCS1_SHA256_VERIFY"] as const;
  return {
    name,
    precompile: `0x${address.toString(16).padStart(6, "0")} ${precompile}`,
    standard: pss ? "RFC 8017 RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32" : "RFC 8017 RSASSA-PKCS1-v1_5, SHA-256",
    publicKeyLayout: "nLen 32 ‖ eLen 32 ‖ n ‖ e (the precompile's input prefix)",
    signatureLayout: "sig nLen",
    seedable: false,
    keySizes: RSA_BITS,
    generate: (seed, options) => {
      if (seed !== undefined) throw new KeyInputError(`${name}: RSA keys cannot be made from a seed (node:crypto chooses the primes)`);
      const bits = options?.bits ?? 2048;
      if (!RSA_BITS.includes(bits)) throw new KeyInputError(`${name}: --bits must be one of ${RSA_BITS.join(", ")} (the moduli the precompile accepts), got ${bits}`);
      const pair = generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: 65537 });
      const jwk = pair.publicKey.export({ format: "jwk" });
      const bytes = (b64: string | undefined) => Uint8Array.from(Buffer.from(b64 ?? "", "base64url"));
      return {
        secretKey: Uint8Array.from(pair.privateKey.export({ format: "der", type: "pkcs8" })),
        publicKey: rsaPublicKey(bytes(jwk.n), bytes(jwk.e)),
      };
    },
    sign: (secretKey, message) => {
      const key = holdsKey(() => createPrivateKey({ key: Buffer.from(secretKey), format: "der", type: "pkcs8" }), name);
      return Uint8Array.from(rsaSign("sha256", message, { key, ...padding }));
    },
    verify: (publicKey, message, signature) =>
      holds(() => rsaVerify("sha256", message, { key: createPublicKey({ key: rsaJwk(publicKey), format: "jwk" }), ...padding }, signature)),
    calls: (publicKey, message, signature) => [call(address, precompile, publicKey, signature, message)],
  };
}

function holdsKey<T>(make: () => T, name: string): T {
  try {
    return make();
  } catch (error) {
    throw new KeyInputError(`${name}: the secret key is not a PKCS#8 DER RSA key (${error instanceof Error ? error.message : String(error)})`);
  }
}

export const SCHEMES: readonly Scheme[] = [
  messageFirst("ml-dsa-44", ml_dsa44, 0x010040, "MLDSA44_VERIFY", "FIPS 204 ML-DSA-44", 0x01),
  messageFirst("ml-dsa-65", ml_dsa65, 0x010041, "MLDSA65_VERIFY", "FIPS 204 ML-DSA-65", 0x02),
  messageFirst("ml-dsa-87", ml_dsa87, 0x010042, "MLDSA87_VERIFY", "FIPS 204 ML-DSA-87", 0x03),
  messageFirst("slh-dsa-sha2-128s", slh_dsa_sha2_128s, 0x010044, "SLHDSA_SHA2_128S_VERIFY", "FIPS 205 SLH-DSA-SHA2-128s", 0x04),
  messageFirst("slh-dsa-sha2-128f", slh_dsa_sha2_128f, 0x010045, "SLHDSA_SHA2_128F_VERIFY", "FIPS 205 SLH-DSA-SHA2-128f", 0x05),
  messageFirst("slh-dsa-shake-128s", slh_dsa_shake_128s, 0x010046, "SLHDSA_SHAKE_128S_VERIFY", "FIPS 205 SLH-DSA-SHAKE-128s", 0x06),
  messageFirst("slh-dsa-shake-128f", slh_dsa_shake_128f, 0x010047, "SLHDSA_SHAKE_128F_VERIFY", "FIPS 205 SLH-DSA-SHAKE-128f", 0x07),
  falcon("falcon-512", falcon512padded, 0x010048, "FALCON512_VERIFY", 0x08),
  falcon("falcon-1024", falcon1024padded, 0x010049, "FALCON1024_VERIFY", 0x09),
  ed25519Scheme,
  bip340Scheme,
  secp256k1Scheme,
  p256Scheme,
  rsa("rsa-pkcs1", false),
  rsa("rsa-pss", true),
  blsScheme,
];

export const SCHEME_NAMES: readonly string[] = SCHEMES.map((scheme) => scheme.name);

export function schemeNamed(name: string): Scheme {
  const found = SCHEMES.find((scheme) => scheme.name === name);
  if (found === undefined) throw new KeyInputError(`unknown scheme '${name}' (known: ${SCHEME_NAMES.join(", ")})`);
  return found;
}

/** Refuses a message the scheme's precompile would not take (ML-DSA, SLH-DSA and ECDSA sign a 32-byte digest). */
export function checkMessage(scheme: Scheme, message: Uint8Array): void {
  if (scheme.messageLength !== undefined && message.length !== scheme.messageLength) {
    throw new KeyInputError(`${scheme.name}: the precompile takes a ${scheme.messageLength}-byte message (a digest), got ${message.length} bytes`);
  }
}
