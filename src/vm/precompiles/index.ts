/** The precompiled contracts by address (0x01..0x0a); a fork enables the first `precompileCount`. */
import type { ForkSchedule } from "../forks.js";
import { blake2f } from "./blake2f.js";
import { bnAdd, bnMul, bnPairing } from "./bn254.js";
import { ecrecover, identity, ripemd160Precompile, sha256Precompile } from "./hashes.js";
import { modexp } from "./modexp.js";
import { pointEvaluation } from "./point-evaluation.js";
import type { Precompile } from "./types.js";

export type { Precompile, PrecompileResult } from "./types.js";

const BY_ADDRESS: readonly Precompile[] = [
  ecrecover,
  sha256Precompile,
  ripemd160Precompile,
  identity,
  modexp,
  bnAdd,
  bnMul,
  bnPairing,
  blake2f,
  pointEvaluation,
];

/** The precompile at `address` under `fork`, if any. */
export function precompileAt(address: bigint, fork: ForkSchedule): Precompile | undefined {
  if (address < 1n || address > BigInt(fork.precompileCount)) return undefined;
  return BY_ADDRESS[Number(address) - 1];
}
