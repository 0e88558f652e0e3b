/**
 * The SVM fork's BLS signature verifiers (docs/extensions.md, 0x010030-0x010032, rule V): the
 * Ethereum consensus BLS test suite's verify case (POP ciphersuite), sign-then-verify with keys
 * from fixed seeds, and the failure rule on tampered signatures, infinity and off-curve keys,
 * and lengths not of the row's form.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { describe, it } from "vitest";
import { concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { expectVerdict, flipped } from "./svm-call.js";

const DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
const scheme = bls12_381.longSignatures;

function signer(seedByte: number) {
  const { secretKey, publicKey } = scheme.keygen(new Uint8Array(48).fill(seedByte));
  return {
    publicKey: publicKey.toBytes(true),
    sign: (message: Uint8Array) => scheme.Signature.toBytes(scheme.sign(scheme.hash(message, DST), secretKey)),
  };
}

const alice = signer(1);
const bob = signer(2);
const carol = signer(3);
const message = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);
/** A compressed G1 encoding of infinity: the compression and infinity flags, then zeros. */
const INFINITY_G1 = concatBytes(Uint8Array.of(0xc0), new Uint8Array(47));

describe("BLS_VERIFY 0x010030", () => {
  it("accepts the consensus test suite's verify_valid_case (message zero)", () => {
    const pk = hexToBytes("0xa491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a");
    const sig = hexToBytes(
      "0xb6ed936746e01f8ecf281f020953fbf1f01debd5657c4a383940b020b26507f6076334f91e2366c96e9ab279fb5158090352ea1c5b0c9274504f4f0e7053af24802e51e4568d164fe986834f41e55c8e850ce1f98458c0cfc9ab380b55285a55",
    );
    expectVerdict(0x010030, concatBytes(pk, sig, message(0)), true, 150012);
  });

  it("sign then verify over any-length messages; tampered, wrong key, infinity key, short input give 0", () => {
    const text = new TextEncoder().encode("a message longer than one word, to price two words");
    const valid = concatBytes(alice.publicKey, alice.sign(text), text);
    expectVerdict(0x010030, valid, true, 150000 + 12 * 2);
    expectVerdict(0x010030, concatBytes(alice.publicKey, alice.sign(new Uint8Array(0))), true, 150000);
    expectVerdict(0x010030, flipped(valid, valid.length - 1), false);
    expectVerdict(0x010030, flipped(valid, 100), false);
    expectVerdict(0x010030, concatBytes(bob.publicKey, alice.sign(text), text), false);
    expectVerdict(0x010030, concatBytes(INFINITY_G1, alice.sign(text), text), false);
    expectVerdict(0x010030, valid.subarray(0, 143), false, 150000);
  });

  it("rejects a key whose x is not on the curve", () => {
    const text = message(7);
    const signature = alice.sign(text);
    // Searching for an x with no y is deterministic: the first one from a fixed start.
    for (let tweak = 0; tweak < 256; tweak++) {
      const key = alice.publicKey.slice();
      key[47] = tweak;
      let onCurve = true;
      try {
        bls12_381.G1.Point.fromBytes(key);
      } catch {
        onCurve = false;
      }
      if (!onCurve) {
        expectVerdict(0x010030, concatBytes(key, signature, text), false);
        return;
      }
    }
    throw new Error("no off-curve x found");
  });
});

describe("BLS_AGGREGATE_VERIFY 0x010031", () => {
  const aggregate = (...signatures: Uint8Array[]) => scheme.Signature.toBytes(scheme.aggregateSignatures(signatures));

  it("accepts three signers over distinct messages, and over one repeated message (proof of possession)", () => {
    const distinct = concatBytes(
      aggregate(alice.sign(message(1)), bob.sign(message(2)), carol.sign(message(3))),
      alice.publicKey, message(1), bob.publicKey, message(2), carol.publicKey, message(3),
    );
    expectVerdict(0x010031, distinct, true, 70000 + 3 * 80000);
    const same = concatBytes(aggregate(alice.sign(message(9)), bob.sign(message(9))), alice.publicKey, message(9), bob.publicKey, message(9));
    expectVerdict(0x010031, same, true, 70000 + 2 * 80000);
  });

  it("gives 0 for swapped messages, k = 0, a ragged length, or an infinity key", () => {
    const signature = aggregate(alice.sign(message(1)), bob.sign(message(2)));
    expectVerdict(0x010031, concatBytes(signature, alice.publicKey, message(2), bob.publicKey, message(1)), false);
    expectVerdict(0x010031, signature, false, 70000);
    expectVerdict(0x010031, concatBytes(signature, alice.publicKey, message(1), new Uint8Array(5)), false, 70000 + 80000);
    expectVerdict(0x010031, concatBytes(alice.sign(message(1)), INFINITY_G1, message(1)), false);
    expectVerdict(0x010031, new Uint8Array(10), false, 70000);
  });
});

describe("BLS_FAST_AGGREGATE_VERIFY 0x010032", () => {
  const signature = scheme.Signature.toBytes(
    scheme.aggregateSignatures([alice.sign(message(4)), bob.sign(message(4)), carol.sign(message(4))]),
  );

  it("accepts three signers of one message at 150000 + 5000 per key", () => {
    expectVerdict(0x010032, concatBytes(signature, message(4), alice.publicKey, bob.publicKey, carol.publicKey), true, 165000);
  });

  it("gives 0 for a missing signer, another message, k = 0, a ragged length, an infinity key", () => {
    expectVerdict(0x010032, concatBytes(signature, message(4), alice.publicKey, bob.publicKey), false);
    expectVerdict(0x010032, concatBytes(signature, message(5), alice.publicKey, bob.publicKey, carol.publicKey), false);
    expectVerdict(0x010032, concatBytes(signature, message(4)), false, 150000);
    expectVerdict(0x010032, concatBytes(signature, message(4), alice.publicKey, new Uint8Array(1)), false, 155000);
    expectVerdict(0x010032, concatBytes(signature, message(4), alice.publicKey, bob.publicKey, carol.publicKey, INFINITY_G1), false);
  });
});
