/**
 * Runs bytecode directly as a message call, outside any transaction: no signature, fees or
 * intrinsic gas. For unit tests, fuzzing and quick experiments with single opcodes.
 */
import type { ForkName, Tracer } from "../../interface/implementation.js";
import { createBlockContext, createContext } from "./context.js";
import { execute } from "./execute.js";
import { scheduleOf } from "./forks.js";
import { Frame, FrameKind, haltName } from "./frame.js";
import { analysisOf } from "./analysis.js";
import { WorldState } from "./world-state.js";

export interface CodeRun {
  readonly code: Uint8Array;
  readonly input?: Uint8Array;
  readonly gas?: bigint;
  readonly fork?: ForkName;
  readonly tracer?: Tracer;
}

export interface CodeRunResult {
  /** "success", "revert" or the exceptional halt. */
  readonly status: string;
  readonly output: Uint8Array;
  readonly gasUsed: bigint;
  /** The executing account's storage afterwards. */
  readonly storage: ReadonlyMap<bigint, bigint>;
}

const CODE_ADDRESS = 0x1000n;
const CALLER = 0x2000n;

export function runCode(run: CodeRun): CodeRunResult {
  const fork = scheduleOf(run.fork ?? "Cancun");
  const state = new WorldState(
    new Map([[CODE_ADDRESS, { nonce: 1n, balance: 0n, code: run.code, storage: new Map<bigint, bigint>() }]]),
  );
  const ctx = createContext({
    fork,
    state,
    block: createBlockContext({
      coinbase: 0n,
      gasLimit: 30_000_000n,
      number: 1n,
      timestamp: 1n,
      difficultyOrRandao: 0n,
      baseFee: 0n,
      blobBaseFee: 1n,
      chainId: 1n,
    }),
    origin: CALLER,
    gasPrice: 0n,
    blobHashes: [],
    tracer: run.tracer ?? null,
  });
  const gas = run.gas ?? 10_000_000n;
  const input = run.input ?? new Uint8Array(0);
  const frame = new Frame(FrameKind.Call, analysisOf(run.code), CODE_ADDRESS, CALLER, 0n, input, false, 0, 0, gas);
  const outcome = execute(ctx, frame);
  return {
    status: haltName(outcome.status),
    output: outcome.output,
    gasUsed: gas - outcome.gasLeft,
    storage: state.get(CODE_ADDRESS)?.storage ?? new Map(),
  };
}
