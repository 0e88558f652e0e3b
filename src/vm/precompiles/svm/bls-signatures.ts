/**
 * 0x010030-0x010032 BLS_VERIFY, BLS_AGGREGATE_VERIFY, BLS_FAST_AGGREGATE_VERIFY (docs/extensions.md,
 * rule V; IETF draft-irtf-cfrg-bls-signature-05, min-pk, the proof-of-possession ciphersuite Ethereum's
 * consensus layer uses): public keys are compressed G1 points (48 bytes), signatures compressed G2
 * points (96 bytes). A key must pass KeyValidate (decodes, not infinity, in the subgroup); a
 * signature must decode and lie in the G2 subgroup. With proof of possession, AggregateVerify does
 * not require distinct messages.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { verifier, words } from "./verdict.js";

const DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
const PUBLIC_KEY = 48;
const SIGNATURE = 96;
const AGGREGATE_MESSAGE = 32;
const scheme = bls12_381.longSignatures;

type G1 = ReturnType<typeof bls12_381.G1.Point.fromBytes>;
type G2 = ReturnType<typeof scheme.Signature.fromBytes>;

/** KeyValidate: the key decodes to a G1 point other than infinity, in the prime-order subgroup. */
function publicKeyAt(input: Uint8Array, offset: number): G1 {
  const point = bls12_381.G1.Point.fromBytes(input.subarray(offset, offset + PUBLIC_KEY));
  if (point.is0() || !point.isTorsionFree()) throw new Error("invalid BLS public key");
  return point;
}

function signatureAt(input: Uint8Array, offset: number): G2 {
  const point = scheme.Signature.fromBytes(input.subarray(offset, offset + SIGNATURE));
  if (!point.isTorsionFree()) throw new Error("BLS signature outside the G2 subgroup");
  return point;
}

/** pk 48 ‖ sig 96 ‖ msg (the rest). */
export const blsVerify = verifier(
  (input) => 150000 + 12 * words(input.length - PUBLIC_KEY - SIGNATURE),
  (input) => {
    if (input.length < PUBLIC_KEY + SIGNATURE) return false;
    const publicKey = publicKeyAt(input, 0);
    const signature = signatureAt(input, PUBLIC_KEY);
    return scheme.verify(signature, scheme.hash(input.subarray(PUBLIC_KEY + SIGNATURE), DST), publicKey);
  },
);

const PAIR = PUBLIC_KEY + AGGREGATE_MESSAGE;

/** sig 96 ‖ k × (pk 48 ‖ msg 32), k ≥ 1. */
export const blsAggregateVerify = verifier(
  (input) => 70000 + 80000 * (input.length < SIGNATURE ? 0 : Math.floor((input.length - SIGNATURE) / PAIR)),
  (input) => {
    const body = input.length - SIGNATURE;
    if (body < PAIR || body % PAIR !== 0) return false;
    const signature = signatureAt(input, 0);
    const items = [];
    for (let offset = SIGNATURE; offset < input.length; offset += PAIR) {
      const publicKey = publicKeyAt(input, offset);
      const message = scheme.hash(input.subarray(offset + PUBLIC_KEY, offset + PAIR), DST);
      items.push({ message, publicKey });
    }
    return scheme.verifyBatch(signature, items);
  },
);

const FAST_FIXED = SIGNATURE + AGGREGATE_MESSAGE;

/** sig 96 ‖ msg 32 ‖ k × pk 48, k ≥ 1: the k keys are summed and the signature verified once. */
export const blsFastAggregateVerify = verifier(
  (input) => 150000 + 5000 * (input.length < FAST_FIXED ? 0 : Math.floor((input.length - FAST_FIXED) / PUBLIC_KEY)),
  (input) => {
    const body = input.length - FAST_FIXED;
    if (body < PUBLIC_KEY || body % PUBLIC_KEY !== 0) return false;
    const signature = signatureAt(input, 0);
    const publicKeys = [];
    for (let offset = FAST_FIXED; offset < input.length; offset += PUBLIC_KEY) publicKeys.push(publicKeyAt(input, offset));
    const message = scheme.hash(input.subarray(SIGNATURE, FAST_FIXED), DST);
    return scheme.verify(signature, message, scheme.aggregatePublicKeys(publicKeys));
  },
);
