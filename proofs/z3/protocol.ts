/**
 * Messages between the main thread and a solver worker (`solver-worker.ts`). A query travels as
 * SMT-LIB 2 text, since Z3 terms belong to one Z3 instance and cannot cross threads; its answer
 * travels as plain values.
 */

/** One satisfiability check. */
export interface SolveRequest {
  readonly id: number;
  /** Declarations and assertions, as Z3 prints a solver. */
  readonly smt: string;
  readonly timeoutMs: number;
  /**
   * Widths of the bit-vector constants `svm_value_0`, `svm_value_1`, ... the query defines as
   * the terms whose values the caller wants from a model.
   */
  readonly requested: readonly number[];
}

/** Stops the query with this id if it is still running (another solver answered it first). */
export interface CancelRequest {
  readonly kind: "cancel";
  readonly id: number;
}

/** A constant of the model, by name (bit-vectors as bigints, booleans as booleans). */
export interface ConstantValue {
  readonly name: string;
  /** Bit width; 0 for a boolean. */
  readonly width: number;
  readonly value: bigint | boolean;
}

export type SolveReply =
  | { readonly id: number; readonly kind: "sat"; readonly requested: readonly bigint[]; readonly constants: readonly ConstantValue[] }
  | { readonly id: number; readonly kind: "unsat" }
  | { readonly id: number; readonly kind: "unknown"; readonly reason: string };

/** Sent once the worker's Z3 is initialised. */
export interface ReadyMessage {
  readonly kind: "ready";
}

/** The prefix of the constants a query defines for the values it wants. */
export const REQUESTED_PREFIX = "svm_value_";
