/** What the main thread and an interruptible run's worker thread tell each other. */
import type { CaseOutcome, StateTestCase } from "../../interface/implementation.js";

export interface RunSetup {
  /** Absolute path of a compiled JS module exporting `implementations` (name → loader). */
  readonly registryModule: string;
  readonly implementationName: string;
  readonly testCase: StateTestCase;
  /** Where the worker gathers EIP-3155 lines for the main thread to write (trace-buffer.ts); none: no trace. */
  readonly traceBuffer?: SharedArrayBuffer;
  /** Three float64 slots the worker keeps current: steps executed, pc and depth of the last one. */
  readonly progress: SharedArrayBuffer;
}

export type FromRunWorker =
  /** The implementation is loaded; execution starts now. */
  | { readonly type: "started" }
  | { readonly type: "finished"; readonly outcome: CaseOutcome }
  | { readonly type: "unavailable"; readonly message: string }
  /** The trace buffer is full: the worker waits until the main thread has written it out. */
  | { readonly type: "trace-full" };

export const PROGRESS_SLOTS = 3;
export const STEPS = 0;
export const PC = 1;
export const DEPTH = 2;
