/**
 * The fixed cast of every generated world: who can sign, where generated contracts live, and
 * which other addresses programs aim at. Fixing the addresses (and deriving only balances, nonces,
 * code and storage from the generator) keeps reproducers readable and lets programs name each
 * other with plain PUSH20 constants.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../../spec/primitives/bytes.js";
import { SENDER_SECRET_KEY } from "../single-call.js";

/** An externally owned account the fuzzer can sign for. */
export interface Signer {
  readonly secretKey: Uint8Array;
  readonly address: bigint;
}

function signerOf(secretKey: Uint8Array): Signer {
  const publicKey = secp256k1.getPublicKey(secretKey, false);
  return { secretKey, address: bytesToBigInt(keccak_256(publicKey.subarray(1)).subarray(12)) };
}

/** A secret key derived from a label, so the keys are fixed but need no hard-coded hex. */
function derivedKey(label: string): Uint8Array {
  return keccak_256(new TextEncoder().encode(label));
}

/** The ethereum/tests key (0xa94f…0b) and two derived ones. */
export const SIGNERS: readonly Signer[] = [
  signerOf(SENDER_SECRET_KEY),
  signerOf(derivedKey("svm fuzz signer 1")),
  signerOf(derivedKey("svm fuzz signer 2")),
];

/** Generated contracts live at 0xc0de…0000 + index. */
export const CONTRACT_BASE = 0xc0de000000000000000000000000000000000000n;
export const MAX_CONTRACTS = 4;
export const CONTRACT_ADDRESSES: readonly bigint[] = Array.from({ length: MAX_CONTRACTS }, (_, i) => CONTRACT_BASE + BigInt(i));

/**
 * The precompiles of Osaka: ecrecover … point evaluation (0x01-0x0a), the BLS12-381 operations of
 * Prague (0x0b-0x11, EIP-2537) and P256VERIFY (0x100, EIP-7951). Before their fork the later ones
 * are empty accounts, which calls to them test too.
 */
export const PRECOMPILE_ADDRESSES: readonly bigint[] = [...Array.from({ length: 0x11 }, (_, i) => BigInt(i + 1)), 0x100n];

/**
 * An account the fuzzer can sign for that has no pre-state: its EIP-7702 authorizations
 * create it (nonce 0), and calls to it find nothing until they do.
 */
export const FRESH_AUTHORITY: Signer = signerOf(derivedKey("svm fuzz fresh authority"));

/** An account that exists with a balance but no code, and one that does not exist at all. */
export const PLAIN_ACCOUNT = 0x00000000000000000000000000000000000ba1a9n;
export const ABSENT_ACCOUNT = 0x000000000000000000000000000000000000deadn;
/** The contract of a deep scenario (scenario.ts): no generated program names it, so only the transaction enters it. */
export const DEEP_CONTRACT = 0x00000000000000000000000000000000000dee90n;
export const COINBASE = 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban;

/** Every address a program may push as a call target, balance query or beneficiary. */
export const KNOWN_ADDRESSES: readonly bigint[] = [
  ...CONTRACT_ADDRESSES,
  ...SIGNERS.map((s) => s.address),
  FRESH_AUTHORITY.address,
  ...PRECOMPILE_ADDRESSES,
  PLAIN_ACCOUNT,
  ABSENT_ACCOUNT,
  COINBASE,
];
