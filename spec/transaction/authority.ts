/**
 * EIP-7702: the authority of an authorization tuple, the account whose key signed
 * keccak256(0x05 ‖ rlp([chainId, address, nonce])). A tuple that recovers no authority is skipped
 * by the transaction (not an error of the transaction itself).
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../primitives/bytes.js";
import { rlpEncode, rlpEncodeUint } from "../primitives/rlp.js";
import type { Authorization } from "./types.js";

/** EIP-7702's MAGIC: the domain byte of an authorization's signing hash. */
const AUTHORIZATION_MAGIC = 0x05;
/** The order n of the secp256k1 group. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export function authorizationSigningHash(authorization: Authorization): Uint8Array {
  const list = rlpEncode([
    rlpEncodeUint(authorization.chainId),
    bigIntToBytes(authorization.address, 20),
    rlpEncodeUint(authorization.nonce),
  ]);
  return keccak_256(concatBytes(Uint8Array.of(AUTHORIZATION_MAGIC), list));
}

/**
 * The authority's address, or undefined when the signature recovers none: a y-parity other than
 * 0 or 1, r outside 1..n-1, s outside 1..n/2 (EIP-2's low form), or no point to recover.
 */
export function recoverAuthority(authorization: Authorization): bigint | undefined {
  const { yParity, r, s } = authorization;
  if (yParity !== 0n && yParity !== 1n) return undefined;
  if (r < 1n || r >= SECP256K1_N || s < 1n || s > SECP256K1_N / 2n) return undefined;
  let publicKey: Uint8Array;
  try {
    const signature = new secp256k1.Signature(r, s, Number(yParity));
    publicKey = signature.recoverPublicKey(authorizationSigningHash(authorization)).toBytes(false);
  } catch {
    return undefined;
  }
  return bytesToBigInt(keccak_256(publicKey.subarray(1)).subarray(12));
}
