/** The precompiled contracts by address; a fork's schedule lists the addresses it enables. */
import type { ForkSchedule } from "../forks.js";
import { blake2f } from "./blake2f.js";
import { blsG1Add, blsG1Msm, blsG2Add, blsG2Msm, blsMapFp2ToG2, blsMapFpToG1, blsPairing } from "./bls12-381.js";
import { bnAdd, bnMul, bnPairing } from "./bn254.js";
import { ecrecover, identity, ripemd160Precompile, sha256Precompile } from "./hashes.js";
import { modexp } from "./modexp.js";
import { p256Verify } from "./p256-verify.js";
import { pointEvaluation } from "./point-evaluation.js";
import { aes256GcmDecrypt } from "./svm/aes-gcm.js";
import { blsAggregateVerify, blsFastAggregateVerify, blsVerify } from "./svm/bls-signatures.js";
import { ed25519Verify } from "./svm/ed25519.js";
import { blake2b512Precompile, blake3_256Precompile, sha3_256Precompile, sha3_512Precompile } from "./svm/hashes.js";
import { hybridVerify } from "./svm/hybrid.js";
import {
  falcon1024Verify,
  falcon512Verify,
  mlDsa44Verify,
  mlDsa65Verify,
  mlDsa87Verify,
  slhDsaSha2_128fVerify,
  slhDsaSha2_128sVerify,
  slhDsaShake128fVerify,
  slhDsaShake128sVerify,
} from "./svm/post-quantum.js";
import { rsaPkcs1Sha256Verify, rsaPssSha256Verify } from "./svm/rsa.js";
import { schnorrVerify } from "./svm/schnorr.js";
import type { Precompile } from "./types.js";

export type { Precompile, PrecompileResult } from "./types.js";

const BY_ADDRESS: ReadonlyMap<number, Precompile> = new Map<number, Precompile>([
  [0x01, ecrecover],
  [0x02, sha256Precompile],
  [0x03, ripemd160Precompile],
  [0x04, identity],
  [0x05, modexp],
  [0x06, bnAdd],
  [0x07, bnMul],
  [0x08, bnPairing],
  [0x09, blake2f],
  [0x0a, pointEvaluation],
  // EIP-2537 (Prague)
  [0x0b, blsG1Add],
  [0x0c, blsG1Msm],
  [0x0d, blsG2Add],
  [0x0e, blsG2Msm],
  [0x0f, blsPairing],
  [0x10, blsMapFpToG1],
  [0x11, blsMapFp2ToG2],
  // EIP-7951 (Osaka)
  [0x100, p256Verify],
  // SVM (docs/extensions.md)
  [0x010001, sha3_256Precompile],
  [0x010002, sha3_512Precompile],
  [0x010003, blake2b512Precompile],
  [0x010004, blake3_256Precompile],
  [0x010010, aes256GcmDecrypt],
  [0x010020, ed25519Verify],
  [0x010021, schnorrVerify],
  [0x010022, rsaPkcs1Sha256Verify],
  [0x010023, rsaPssSha256Verify],
  [0x010030, blsVerify],
  [0x010031, blsAggregateVerify],
  [0x010032, blsFastAggregateVerify],
  [0x010040, mlDsa44Verify],
  [0x010041, mlDsa65Verify],
  [0x010042, mlDsa87Verify],
  [0x010044, slhDsaSha2_128sVerify],
  [0x010045, slhDsaSha2_128fVerify],
  [0x010046, slhDsaShake128sVerify],
  [0x010047, slhDsaShake128fVerify],
  [0x010048, falcon512Verify],
  [0x010049, falcon1024Verify],
  [0x010050, hybridVerify],
]);

/** Each fork's precompiles by address, built once per schedule so a call does one map lookup. */
const tables = new WeakMap<ForkSchedule, ReadonlyMap<bigint, Precompile>>();

function tableOf(fork: ForkSchedule): ReadonlyMap<bigint, Precompile> {
  let table = tables.get(fork);
  if (table === undefined) {
    const built = new Map<bigint, Precompile>();
    for (const address of fork.precompiles) {
      const precompile = BY_ADDRESS.get(address);
      if (precompile === undefined) throw new Error(`no precompile at 0x${address.toString(16)}`);
      built.set(BigInt(address), precompile);
    }
    table = built;
    tables.set(fork, table);
  }
  return table;
}

/** The precompile at `address` under `fork`, if any. */
export function precompileAt(address: bigint, fork: ForkSchedule): Precompile | undefined {
  return tableOf(fork).get(address);
}

/** The addresses of `fork`'s precompiles (EIP-2929: warm from the start of every transaction). */
export function precompileAddresses(fork: ForkSchedule): Iterable<bigint> {
  return tableOf(fork).keys();
}
