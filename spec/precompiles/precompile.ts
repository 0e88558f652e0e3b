/**
 * The shape every precompiled contract shares (Yellow Paper, Appendix E): a price computed from
 * the input before anything runs, and a pure function from input bytes to output bytes.
 */
import type { Schedule } from "../fork/schedule.js";

export interface Precompile {
  /** The account the contract lives at (1 for ECRECOVER, …, 0x11 for BLS12_MAP_FP2_TO_G2, 0x100 for P256VERIFY). */
  readonly address: bigint;
  /** The name its EIP gives it, for traces and error messages. */
  readonly name: string;
  /**
   * Checks some inputs must pass before they are even priced; throws `PrecompileFailure`, which
   * fails the call as a refused input, not as out of gas (EIP-7823's MODEXP length bound).
   */
  refuseBeforePricing?(input: Uint8Array, schedule: Schedule): void;
  /** Gas charged before the contract runs; it may depend on the input and the fork. */
  gasCost(input: Uint8Array, schedule: Schedule): bigint;
  /** The output for an input whose gas was paid; throws `PrecompileFailure` to fail the call. */
  run(input: Uint8Array, schedule: Schedule): Uint8Array;
}
