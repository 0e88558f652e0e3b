/** Precompiles 0x01-0x04: ECRECOVER, SHA256, RIPEMD160 and IDENTITY (Yellow Paper Appendix E). */
import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bigIntToBytes, bytesToBigInt, EMPTY_BYTES, sliceZeroPadded } from "../bytes.js";
import { recoverAddress } from "../signature.js";
import { wordCount } from "../memory.js";
import { charge, type Precompile } from "./types.js";

/** 0x01: the address that signed hash with (v, r, s); empty output when the signature is invalid. */
export const ecrecover: Precompile = (input, gas) =>
  charge(3000, gas, () => {
    const padded = sliceZeroPadded(input, 0, 128);
    const v = bytesToBigInt(padded.subarray(32, 64));
    if (v !== 27n && v !== 28n) return EMPTY_BYTES;
    const r = bytesToBigInt(padded.subarray(64, 96));
    const s = bytesToBigInt(padded.subarray(96, 128));
    const address = recoverAddress(padded.subarray(0, 32), r, s, Number(v - 27n));
    return address === null ? EMPTY_BYTES : bigIntToBytes(address, 32);
  });

/** 0x02: SHA2-256, 60 gas plus 12 per word. */
export const sha256Precompile: Precompile = (input, gas) =>
  charge(60 + 12 * wordCount(input.length), gas, () => sha256(input));

/** 0x03: RIPEMD-160, 600 gas plus 120 per word; the 20-byte digest is left-padded to 32 bytes. */
export const ripemd160Precompile: Precompile = (input, gas) =>
  charge(600 + 120 * wordCount(input.length), gas, () => {
    const out = new Uint8Array(32);
    out.set(ripemd160(input), 12);
    return out;
  });

/** 0x04: returns its input, 15 gas plus 3 per word. */
export const identity: Precompile = (input, gas) => charge(15 + 3 * wordCount(input.length), gas, () => input.slice());
