/**
 * 0x010030 BLS_VERIFY, 0x010031 BLS_AGGREGATE_VERIFY, 0x010032 BLS_FAST_AGGREGATE_VERIFY
 * (docs/extensions.md): BLS signatures over BLS12-381 as the IETF BLS signature draft (05) defines
 * them in its minimal-pubkey-size variant with the proof-of-possession ciphersuite, the one
 * Ethereum's consensus layer uses: public keys are compressed G1 points (48 bytes), signatures
 * compressed G2 points (96 bytes), messages hashed to G2 with the DST below.
 *
 * Rule V: the output is the word 1 if the signature verifies, 0 for anything else — a key that is
 * the identity, off the curve or outside G1's prime-order subgroup (KeyValidate), a signature
 * outside G2's subgroup, or a length not of the precompile's form. With proofs of possession,
 * AggregateVerify need not require distinct messages (the draft, §3.3).
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { SVM_ADDRESS } from "../../fork/svm-addresses.js";
import type { Precompile } from "../precompile.js";
import { holds } from "./library-verdict.js";
import { verdict, words } from "./words.js";

/** The POP ciphersuite's domain separation tag (IETF BLS draft §4.2.3; Ethereum consensus specs). */
export const BLS_POP_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

const PUBLIC_KEY = 48;
const SIGNATURE = 96;
const MESSAGE = 32;
const AGGREGATE_ITEM = PUBLIC_KEY + MESSAGE;

export const BLS_VERIFY_GAS = 150_000n;
export const BLS_WORD_GAS = 12n;
export const BLS_AGGREGATE_BASE_GAS = 70_000n;
export const BLS_AGGREGATE_PAIR_GAS = 80_000n;
export const BLS_FAST_AGGREGATE_KEY_GAS = 5_000n;

const signatures = bls12_381.longSignatures;
type PublicKey = ReturnType<typeof bls12_381.G1.Point.fromBytes>;
type Signature = ReturnType<typeof signatures.Signature.fromBytes>;

/** KeyValidate (IETF BLS draft §2.5): a G1 point in the prime-order subgroup, not the identity. */
function publicKey(bytes: Uint8Array): PublicKey {
  const point = bls12_381.G1.Point.fromBytes(bytes);
  point.assertValidity();
  if (point.is0()) throw new RangeError("the identity is not a valid BLS public key");
  return point;
}

/** A G2 point in the prime-order subgroup (the draft's signature_subgroup_check). */
function signature(bytes: Uint8Array): Signature {
  const point = signatures.Signature.fromBytes(bytes);
  point.assertValidity();
  return point;
}

function hashToG2(message: Uint8Array): Signature {
  return signatures.hash(message, BLS_POP_DST);
}

/** pk 48 ‖ sig 96 ‖ msg (any length). */
function verifyOne(input: Uint8Array): boolean {
  if (input.length < PUBLIC_KEY + SIGNATURE) return false;
  return holds(() =>
    signatures.verify(
      signature(input.subarray(PUBLIC_KEY, PUBLIC_KEY + SIGNATURE)),
      hashToG2(input.subarray(PUBLIC_KEY + SIGNATURE)),
      publicKey(input.subarray(0, PUBLIC_KEY)),
    ),
  );
}

/** sig 96 ‖ k × (pk 48 ‖ msg 32), k ≥ 1. */
function aggregateVerify(input: Uint8Array): boolean {
  const body = input.length - SIGNATURE;
  if (body <= 0 || body % AGGREGATE_ITEM !== 0) return false;
  return holds(() => {
    const items = Array.from({ length: body / AGGREGATE_ITEM }, (_, i) => {
      const at = SIGNATURE + i * AGGREGATE_ITEM;
      return {
        publicKey: publicKey(input.subarray(at, at + PUBLIC_KEY)),
        message: hashToG2(input.subarray(at + PUBLIC_KEY, at + AGGREGATE_ITEM)),
      };
    });
    return signatures.verifyBatch(signature(input.subarray(0, SIGNATURE)), items);
  });
}

/** sig 96 ‖ msg 32 ‖ k × pk 48, k ≥ 1: one message signed by every key; the keys are summed. */
function fastAggregateVerify(input: Uint8Array): boolean {
  const keysStart = SIGNATURE + MESSAGE;
  const body = input.length - keysStart;
  if (body <= 0 || body % PUBLIC_KEY !== 0) return false;
  return holds(() => {
    const keys = Array.from({ length: body / PUBLIC_KEY }, (_, i) =>
      publicKey(input.subarray(keysStart + i * PUBLIC_KEY, keysStart + (i + 1) * PUBLIC_KEY)),
    );
    return signatures.verify(
      signature(input.subarray(0, SIGNATURE)),
      hashToG2(input.subarray(SIGNATURE, keysStart)),
      signatures.aggregatePublicKeys(keys),
    );
  });
}

/** ⌊n / size⌋ for the gas formulas' item counts, 0 when n is negative. */
function count(n: number, size: number): bigint {
  return n <= 0 ? 0n : BigInt(Math.floor(n / size));
}

export const blsVerify: Precompile = {
  address: SVM_ADDRESS.BLS_VERIFY,
  name: "BLS_VERIFY",
  gasCost: (input) => BLS_VERIFY_GAS + BLS_WORD_GAS * words(input.length - PUBLIC_KEY - SIGNATURE),
  run: (input) => verdict(verifyOne(input)),
};

export const blsAggregateVerify: Precompile = {
  address: SVM_ADDRESS.BLS_AGGREGATE_VERIFY,
  name: "BLS_AGGREGATE_VERIFY",
  gasCost: (input) => BLS_AGGREGATE_BASE_GAS + BLS_AGGREGATE_PAIR_GAS * count(input.length - SIGNATURE, AGGREGATE_ITEM),
  run: (input) => verdict(aggregateVerify(input)),
};

export const blsFastAggregateVerify: Precompile = {
  address: SVM_ADDRESS.BLS_FAST_AGGREGATE_VERIFY,
  name: "BLS_FAST_AGGREGATE_VERIFY",
  gasCost: (input) =>
    BLS_VERIFY_GAS + BLS_FAST_AGGREGATE_KEY_GAS * count(input.length - SIGNATURE - MESSAGE, PUBLIC_KEY),
  run: (input) => verdict(fastAggregateVerify(input)),
};

export const SVM_BLS_PRECOMPILES: readonly Precompile[] = [blsVerify, blsAggregateVerify, blsFastAggregateVerify];
