/**
 * 0x01 ECRECOVER (Yellow Paper, Appendix E): the address whose secp256k1 key signed a hash.
 *
 * Input (zero-padded to 128 bytes): hash ‖ v ‖ r ‖ s, each a 32-byte word. An input that is not a
 * recoverable signature is not a failure: the call succeeds with empty output, and the price is
 * paid either way. Unlike transaction signatures, a high s (above n/2) is accepted here.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { readPadded, readWord } from "./input.js";
import type { Precompile } from "./precompile.js";

export const ECRECOVER_GAS = 3000n;

/** The order n of secp256k1's base point (SEC 2, §2.4.1); r and s must lie in 1..n−1. */
export const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The v values the Yellow Paper accepts: 27 + the parity of the signature point's y. */
const V_EVEN_Y = 27n;
const V_ODD_Y = 28n;

export const ecrecover: Precompile = {
  address: 0x01n,
  name: "ECRECOVER",
  gasCost: () => ECRECOVER_GAS,
  run(input) {
    const hash = readPadded(input, 0n, 32);
    const v = readWord(input, 32n);
    const r = readWord(input, 64n);
    const s = readWord(input, 96n);
    const signer = recoverSigner(hash, v, r, s);
    return signer === null ? new Uint8Array(0) : signer;
  },
};

/** The signer's address left-padded to 32 bytes, or null when (v, r, s) recovers no key. */
function recoverSigner(hash: Uint8Array, v: bigint, r: bigint, s: bigint): Uint8Array | null {
  if (v !== V_EVEN_Y && v !== V_ODD_Y) return null;
  if (!isScalar(r) || !isScalar(s)) return null;
  const recoveryBit = Number(v - V_EVEN_Y);
  let publicKey: Uint8Array;
  try {
    publicKey = new secp256k1.Signature(r, s, recoveryBit).recoverPublicKey(hash).toBytes(false);
  } catch {
    // r is not the x of any curve point, or the recovered point is infinity: nothing to recover.
    return null;
  }
  // The address is the last 20 bytes of keccak256 of the 64-byte key (x ‖ y, without the 0x04 tag).
  const address = keccak_256(publicKey.subarray(1)).subarray(12);
  const word = new Uint8Array(32);
  word.set(address, 12);
  return word;
}

function isScalar(value: bigint): boolean {
  return value > 0n && value < SECP256K1_ORDER;
}
