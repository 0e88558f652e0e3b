/** The messages between the runner and its worker threads (structured-cloned: bigint and Uint8Array survive). */
import type { FileJob } from "./execute.js";
import type { CaseResult } from "./result.js";

/** Given to each worker at start: where to find the implementation. */
export interface WorkerSetup {
  readonly registryModule: string;
  readonly implementationName: string;
}

export type ToWorker = { readonly type: "job"; readonly job: FileJob };

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "fatal"; readonly message: string }
  | { readonly type: "start"; readonly id: string }
  | { readonly type: "result"; readonly result: CaseResult }
  | { readonly type: "done" };
