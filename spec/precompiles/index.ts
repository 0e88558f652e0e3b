/**
 * The precompiled contracts (Yellow Paper, Appendix E, and the EIPs that added them): accounts
 * whose code is a native function. A fork's schedule lists their addresses (1..4 in Frontier,
 * 1..8 from Byzantium, 1..9 from Istanbul, 1..10 from Cancun, 1..0x11 from Prague, 0x100 in
 * Osaka, and SVM's own block from 0x010000, docs/extensions.md) and says which pricing rules apply.
 *
 * A call first pays the price computed from its input; if the gas given is not enough, or the
 * contract rejects its input, the call fails and consumes all that gas.
 */
import type { Schedule } from "../fork/schedule.js";
import { blake2f } from "./blake2f.js";
import { BLS12_381_PRECOMPILES } from "./bls12-381.js";
import { bn254Add } from "./bn254-add.js";
import { bn254Mul } from "./bn254-mul.js";
import { bn254Pairing } from "./bn254-pairing.js";
import { ecrecover } from "./ecrecover.js";
import { PrecompileFailure } from "./failure.js";
import { identity } from "./identity.js";
import { modexp } from "./modexp.js";
import { p256Verify } from "./p256-verify.js";
import { pointEvaluation } from "./point-evaluation.js";
import type { Precompile } from "./precompile.js";
import { ripemd160 } from "./ripemd160.js";
import { sha256 } from "./sha256.js";
import { SVM_PRECOMPILES } from "./svm/index.js";

export type { Precompile } from "./precompile.js";
export { PrecompileFailure, type PrecompileFailureCode } from "./failure.js";

export type PrecompileResult =
  | { readonly ok: true; readonly gasUsed: bigint; readonly output: Uint8Array }
  /** Failure: the call consumes all gas given to it; `outOfGas` when its price exceeded the gas, else it refused the input. */
  | { readonly ok: false; readonly outOfGas: boolean; readonly reason: string };

/** Every precompile the spec defines, in address order. */
export const PRECOMPILES: readonly Precompile[] = [
  ecrecover,
  sha256,
  ripemd160,
  identity,
  modexp,
  bn254Add,
  bn254Mul,
  bn254Pairing,
  blake2f,
  pointEvaluation,
  ...BLS12_381_PRECOMPILES,
  p256Verify,
  ...SVM_PRECOMPILES,
];

const BY_ADDRESS: ReadonlyMap<bigint, Precompile> = new Map(PRECOMPILES.map((p) => [p.address, p]));

/** Raised when asked to run a precompile at an address where the fork has none. */
export class UnknownPrecompile extends Error {
  readonly code = "unknown-precompile";
  constructor(readonly address: bigint) {
    super(`no precompiled contract at address 0x${address.toString(16)}`);
    this.name = "UnknownPrecompile";
  }
}

/** Whether `address` holds a precompiled contract under this fork (one of schedule.precompiles). */
export function isPrecompile(address: bigint, schedule: Schedule): boolean {
  if (!schedule.precompiles.includes(address)) return false;
  if (!BY_ADDRESS.has(address)) {
    throw new RangeError(`${schedule.fork} has a precompile at 0x${address.toString(16)}; the spec defines none there`);
  }
  return true;
}

/** The precompile at `address`; throws UnknownPrecompile if this fork has none there. */
export function precompileAt(address: bigint, schedule: Schedule): Precompile {
  if (!isPrecompile(address, schedule)) throw new UnknownPrecompile(address);
  return BY_ADDRESS.get(address)!;
}

/** Runs the precompile at `address` on `input` with `gasLimit` gas, under the fork's rules. */
export function runPrecompile(address: bigint, input: Uint8Array, gasLimit: bigint, schedule: Schedule): PrecompileResult {
  if (gasLimit < 0n) throw new RangeError(`negative gas limit ${gasLimit}`);
  const precompile = precompileAt(address, schedule);
  try {
    precompile.refuseBeforePricing?.(input, schedule);
    const gasUsed = precompile.gasCost(input, schedule);
    if (gasUsed > gasLimit) return { ok: false, outOfGas: true, reason: "out of gas" };
    return { ok: true, gasUsed, output: precompile.run(input, schedule) };
  } catch (error) {
    if (error instanceof PrecompileFailure) return { ok: false, outOfGas: false, reason: `${error.code}: ${error.message}` };
    throw error;
  }
}
