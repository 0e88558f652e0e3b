/** What every frame of one transaction shares: the fork's rules, the block, the transaction, the world state. */
import type { Tracer } from "../../conformance/implementation.js";
import type { ForkSchedule } from "./forks.js";
import type { Frame } from "./frame.js";
import type { WorldState } from "./world-state.js";

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
  readonly fork: ForkSchedule;
  readonly state: WorldState;
  readonly block: BlockContext;
  readonly origin: bigint;
  /** The effective gas price (GASPRICE). */
  readonly gasPrice: bigint;
  /** EIP-4844 versioned hashes (BLOBHASH). */
  readonly blobHashes: readonly bigint[];
  readonly tracer: Tracer | null;
  /** The call stack: the running frame is last. */
  readonly frames: Frame[];
}
