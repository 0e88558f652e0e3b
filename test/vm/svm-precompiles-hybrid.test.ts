/**
 * HYBRID_VERIFY 0x010050 (docs/extensions.md, rule V): a classical and a post-quantum signature
 * over one 32-byte message, both required. Keys from fixed seeds; each pair of schemes below is
 * accepted at 500 + both prices, and a bad half, an unknown id or a wrong length gives 0.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44 } from "@noble/post-quantum/ml-dsa.js";
import { slh_dsa_sha2_128f } from "@noble/post-quantum/slh-dsa.js";
import { describe, it } from "vitest";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../src/vm/bytes.js";
import { expectVerdict, flipped } from "./svm-call.js";

const HYBRID = 0x010050;
const message: Uint8Array = new Uint8Array(32).map((_, i) => 0xa0 + i);
const seed = (length: number, byte: number) => new Uint8Array(length).fill(byte);

/** r ‖ s ‖ qx ‖ qy of an ECDSA signature over the raw hash `message`. */
function ecdsaPart(curve: typeof secp256k1 | typeof p256, highS = false): Uint8Array {
  const secretKey = seed(32, 5);
  const compact = curve.sign(message, secretKey, { prehash: false });
  const n = curve.Point.CURVE().n;
  const s = bytesToBigInt(compact.subarray(32));
  const rs = highS ? concatBytes(compact.subarray(0, 32), bigIntToBytes(n - s, 32)) : compact;
  return concatBytes(rs, curve.getPublicKey(secretKey, false).subarray(1));
}

function ed25519Part(): Uint8Array {
  const secretKey = seed(32, 6);
  return concatBytes(ed25519.getPublicKey(secretKey), ed25519.sign(message, secretKey));
}

const mlDsa = ml_dsa44.keygen(seed(32, 7));
const mlDsaPart = concatBytes(ml_dsa44.sign(message, mlDsa.secretKey), mlDsa.publicKey);
const falcon = falcon512padded.keygen(seed(48, 7));
const falconPart = concatBytes(falcon.publicKey, falcon512padded.sign(message, falcon.secretKey));
const slh = slh_dsa_sha2_128f.keygen(seed(48, 7));
const slhPart = concatBytes(slh_dsa_sha2_128f.sign(message, slh.secretKey), slh.publicKey);

const hybrid = (classicalId: number, pqId: number, classical: Uint8Array, pq: Uint8Array, msg = message) =>
  concatBytes(Uint8Array.of(classicalId, pqId), msg, classical, pq);

describe("HYBRID_VERIFY 0x010050", () => {
  it("accepts secp256k1 + ML-DSA-44, P-256 + Falcon-512, Ed25519 + SLH-DSA-SHA2-128f at 500 + both prices", () => {
    expectVerdict(HYBRID, hybrid(1, 1, ecdsaPart(secp256k1), mlDsaPart), true, 500 + 3000 + 4500);
    expectVerdict(HYBRID, hybrid(2, 8, ecdsaPart(p256), falconPart), true, 500 + 6900 + 2112);
    expectVerdict(HYBRID, hybrid(3, 5, ed25519Part(), slhPart), true, 500 + 3412 + 40000);
  });

  it("accepts a high-s secp256k1 signature (as EIP-7951 does)", () => {
    expectVerdict(HYBRID, hybrid(1, 1, ecdsaPart(secp256k1, true), mlDsaPart), true);
  });

  it("gives 0 when either half fails, or when the halves sign different messages", () => {
    const classical = ecdsaPart(secp256k1);
    expectVerdict(HYBRID, hybrid(1, 1, flipped(classical, 40), mlDsaPart), false, 8000);
    expectVerdict(HYBRID, hybrid(1, 1, classical, flipped(mlDsaPart, 10)), false, 8000);
    expectVerdict(HYBRID, hybrid(1, 1, classical, mlDsaPart, flipped(message, 0)), false, 8000);
    // the P-256 signature under the secp256k1 id
    expectVerdict(HYBRID, hybrid(1, 8, ecdsaPart(p256), falconPart), false, 500 + 3000 + 2112);
  });

  it("gives 0 for an ECDSA key off the curve, a coordinate ≥ p, r = 0 or s = n", () => {
    for (const [id, curve, pq, pqGas] of [[1, secp256k1, mlDsaPart, 4500], [2, p256, falconPart, 2112]] as const) {
      const { p, n } = curve.Point.CURVE();
      const part = ecdsaPart(curve);
      const gas = 500 + (id === 1 ? 3000 : 6900) + pqGas;
      const pqId = id === 1 ? 1 : 8;
      expectVerdict(HYBRID, hybrid(id, pqId, part, pq), true, gas);
      expectVerdict(HYBRID, hybrid(id, pqId, flipped(part, 127), pq), false, gas);
      // qx = p: reduced mod p it would be x = 0, but a coordinate must be below p
      expectVerdict(HYBRID, hybrid(id, pqId, concatBytes(part.subarray(0, 64), bigIntToBytes(p, 32), part.subarray(96)), pq), false, gas);
      expectVerdict(HYBRID, hybrid(id, pqId, concatBytes(new Uint8Array(32), part.subarray(32)), pq), false, gas);
      expectVerdict(HYBRID, hybrid(id, pqId, concatBytes(part.subarray(0, 32), bigIntToBytes(n, 32), part.subarray(64)), pq), false, gas);
    }
  });

  it("gives 0 at 500 gas for unknown ids, and at both prices for a wrong length", () => {
    expectVerdict(HYBRID, hybrid(4, 1, ecdsaPart(secp256k1), mlDsaPart), false, 500);
    expectVerdict(HYBRID, hybrid(1, 0x0a, ecdsaPart(secp256k1), mlDsaPart), false, 500);
    expectVerdict(HYBRID, Uint8Array.of(1), false, 500);
    expectVerdict(HYBRID, new Uint8Array(0), false, 500);
    const valid = hybrid(2, 8, ecdsaPart(p256), falconPart);
    expectVerdict(HYBRID, valid.subarray(0, valid.length - 1), false, 500 + 6900 + 2112);
    expectVerdict(HYBRID, concatBytes(valid, new Uint8Array(1)), false, 500 + 6900 + 2112);
  });
});
