/** What every frame of one transaction shares: the fork's rules, the block, the transaction, the world state. */
import type { ProgressProbe, Tracer } from "../../interface/implementation.js";
import { type ForkSchedule, scheduleOf } from "./forks.js";
import { type OpcodeTable, opcodeNames, opcodeTable } from "./opcodes.js";
import { type Frame, PINNED_FRAME } from "./frame.js";
import { StepRecorder } from "./trace.js";
import { WorldState } from "./world-state.js";

/** The block header fields the EVM can read (Yellow Paper §4.3, EIP-3198, EIP-4399, EIP-7516). */
export interface BlockContext {
  readonly coinbase: bigint;
  readonly gasLimit: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  /** DIFFICULTY before Paris, PREVRANDAO from Paris (EIP-4399). */
  readonly difficultyOrRandao: bigint;
  readonly baseFee: bigint;
  readonly blobBaseFee: bigint;
  readonly chainId: bigint;
}

export interface ExecutionContext {
  /** Receives EIP-3155 steps; null (the fast path) when no tracer is attached. */
  readonly tracer: StepRecorder | null;
  /** Told the pc and depth of each step; null (the fast path) when no probe is attached. */
  readonly progress: ProgressProbe | null;
  readonly fork: ForkSchedule;
  /** The fork's opcode table, looked up once per transaction rather than once per frame entry. */
  readonly opcodes: OpcodeTable;
  readonly state: WorldState;
  readonly block: BlockContext;
  readonly origin: bigint;
  /** The effective gas price (GASPRICE). */
  readonly gasPrice: bigint;
  /** EIP-4844 versioned hashes (BLOBHASH). */
  readonly blobHashes: readonly bigint[];
  /** The call stack: the running frame is last. */
  readonly frames: Frame[];
}

export interface ContextInput {
  readonly fork: ForkSchedule;
  readonly state: WorldState;
  readonly block: BlockContext;
  readonly origin: bigint;
  readonly gasPrice: bigint;
  readonly blobHashes: readonly bigint[];
  readonly tracer: Tracer | null;
  readonly progress?: ProgressProbe | null;
}

/** Every context is built here, so all share one object shape (one V8 map) and the hot loop stays monomorphic. */
export function createContext(input: ContextInput): ExecutionContext {
  return {
    fork: input.fork,
    opcodes: opcodeTable(input.fork),
    state: input.state,
    block: input.block,
    origin: input.origin,
    gasPrice: input.gasPrice,
    blobHashes: input.blobHashes,
    tracer: input.tracer === null ? null : new StepRecorder(input.tracer, opcodeNames(input.fork)),
    progress: input.progress ?? null,
    frames: [],
  };
}

/** Every block context is built here, for the same reason as createContext. */
export function createBlockContext(block: BlockContext): BlockContext {
  return {
    coinbase: block.coinbase,
    gasLimit: block.gasLimit,
    number: block.number,
    timestamp: block.timestamp,
    difficultyOrRandao: block.difficultyOrRandao,
    baseFee: block.baseFee,
    blobBaseFee: block.blobBaseFee,
    chainId: block.chainId,
  };
}

/** Pins the context, block, state, account and frame shapes for the life of the process (see PINNED_FRAME). */
export const PINNED_SHAPES: readonly unknown[] = [
  PINNED_FRAME,
  createContext({
    fork: scheduleOf("Cancun"),
    state: new WorldState(new Map([[0n, { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map() }]])),
    block: createBlockContext({ coinbase: 0n, gasLimit: 0n, number: 0n, timestamp: 0n, difficultyOrRandao: 0n, baseFee: 0n, blobBaseFee: 0n, chainId: 0n }),
    origin: 0n,
    gasPrice: 0n,
    blobHashes: [],
    tracer: null,
  }),
];
