/**
 * A peer that is not an Implementation of ours but an outside EVM reached through a transport
 * (anvil's JSON-RPC): it can run a benchmark's call and report its return data, but not a state
 * root or gas, so the harness times it and checks only its output against the implementations.
 */
import type { Benchmark } from "./suite.js";

export interface CallPeer {
  readonly name: string;
  /** Installs the benchmark's pre-state and measures the transport's own overhead (untimed). */
  prepare(benchmark: Benchmark): Promise<void>;
  /** Runs the benchmark's call once: milliseconds with the transport's overhead subtracted. */
  run(benchmark: Benchmark): Promise<{ readonly ms: number; readonly output: Uint8Array }>;
  close(): Promise<void>;
}
