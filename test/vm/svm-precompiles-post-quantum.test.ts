/**
 * The SVM fork's post-quantum verifiers (docs/extensions.md, 0x010040-0x010049, rule V): for each
 * scheme, keys from a fixed seed sign a message with @noble/post-quantum, the precompile accepts it
 * at the row's price, and gives 0 for a tampered signature, another key, another message, and a
 * length off by one (ML-DSA/SLH-DSA need the exact length; Falcon needs pk ‖ sig at least).
 */
import { falcon1024padded, falcon512padded } from "@noble/post-quantum/falcon.js";
import { ml_dsa44, ml_dsa65, ml_dsa87 } from "@noble/post-quantum/ml-dsa.js";
import { slh_dsa_sha2_128f, slh_dsa_sha2_128s, slh_dsa_shake_128f, slh_dsa_shake_128s } from "@noble/post-quantum/slh-dsa.js";
import { describe, it } from "vitest";
import { concatBytes } from "../../src/vm/bytes.js";
import { expectVerdict, flipped } from "./svm-call.js";

interface Signer {
  readonly lengths: { readonly seed?: number };
  keygen(seed: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
}

const message = new Uint8Array(32).map((_, i) => i);
const otherMessage = flipped(message, 31);

function keys(library: Signer, seedByte: number) {
  return library.keygen(new Uint8Array(library.lengths.seed!).fill(seedByte));
}

describe.each([
  ["ML-DSA-44", 0x010040, ml_dsa44, 4500],
  ["ML-DSA-65", 0x010041, ml_dsa65, 6900],
  ["ML-DSA-87", 0x010042, ml_dsa87, 11200],
  ["SLH-DSA-SHA2-128s", 0x010044, slh_dsa_sha2_128s, 15000],
  ["SLH-DSA-SHA2-128f", 0x010045, slh_dsa_sha2_128f, 40000],
  ["SLH-DSA-SHAKE-128s", 0x010046, slh_dsa_shake_128s, 60000],
  ["SLH-DSA-SHAKE-128f", 0x010047, slh_dsa_shake_128f, 200000],
] as const)("%s (msg 32 ‖ sig ‖ pk)", (_name, address, library, gas) => {
  const { publicKey, secretKey } = keys(library, 7);
  const other = keys(library, 8);
  const signature = library.sign(message, secretKey);
  const valid = concatBytes(message, signature, publicKey);

  it("accepts a signature of a fixed-seed key at the row's fixed price", () => {
    expectVerdict(address, valid, true, gas);
  });

  it("gives 0 for a tampered signature, another key, another message, and lengths off by one", () => {
    expectVerdict(address, flipped(valid, 32 + 10), false, gas);
    expectVerdict(address, concatBytes(message, signature, other.publicKey), false, gas);
    expectVerdict(address, concatBytes(otherMessage, signature, publicKey), false, gas);
    expectVerdict(address, valid.subarray(0, valid.length - 1), false, gas);
    expectVerdict(address, concatBytes(valid, new Uint8Array(1)), false, gas);
    expectVerdict(address, new Uint8Array(0), false, gas);
  });
});

describe.each([
  ["Falcon-512", 0x010048, falcon512padded, 2100],
  ["Falcon-1024", 0x010049, falcon1024padded, 4200],
] as const)("%s padded (pk ‖ sig ‖ msg)", (_name, address, library, base) => {
  const { publicKey, secretKey } = keys(library, 7);
  const other = keys(library, 8);
  const text = new TextEncoder().encode("Falcon messages have any length: here 44 bytes");
  const signature = library.sign(text, secretKey);
  const valid = concatBytes(publicKey, signature, text);

  it("accepts a padded signature at base + 12 per word of message, and over an empty message", () => {
    expectVerdict(address, valid, true, base + 12 * Math.ceil(text.length / 32));
    expectVerdict(address, concatBytes(publicKey, library.sign(new Uint8Array(0), secretKey)), true, base);
  });

  it("gives 0 for a tampered signature, another key or message, and a trailing or missing byte", () => {
    expectVerdict(address, flipped(valid, publicKey.length + 100), false);
    expectVerdict(address, concatBytes(other.publicKey, signature, text), false);
    expectVerdict(address, concatBytes(publicKey, signature, flipped(text, 0)), false);
    expectVerdict(address, concatBytes(publicKey, signature, text, new Uint8Array(1)), false);
    expectVerdict(address, valid.subarray(0, publicKey.length + signature.length - 1), false, base);
  });
});
