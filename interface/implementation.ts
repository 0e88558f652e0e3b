/**
 * The contract between the conformance runner and an EVM implementation.
 *
 * One state-test case goes in (a pre-state, a block environment and one signed transaction);
 * the observable outcome comes out. Everything here is plain data (bigint, Uint8Array, Map), so
 * an implementation can be written without importing any of our code: `src/vm` imports these
 * types only, and a peer adapter (e.g. @ethereumjs/vm) translates them to its own.
 */

/** Fork names as ethereum/tests spells them, oldest first. */
export const FORK_NAMES = [
  "Frontier",
  "Homestead",
  "EIP150",
  "EIP158",
  "Byzantium",
  "Constantinople",
  "ConstantinopleFix",
  "Istanbul",
  "Berlin",
  "London",
  "Paris",
  "Shanghai",
  "Cancun",
  "Prague",
  "Osaka",
  /** Osaka plus the SVM precompiles (docs/extensions.md); not an Ethereum fork, so no peer runs it. */
  "SVM",
] as const;

export type ForkName = (typeof FORK_NAMES)[number];

/** The fork a command runs when none is named: the latest Ethereum mainnet fork (Osaka, EIP-7607). */
export const DEFAULT_FORK: ForkName = "Osaka";

export function isForkName(name: string): name is ForkName {
  return (FORK_NAMES as readonly string[]).includes(name);
}

/** An account of the pre-state; addresses and storage slots are 256-bit unsigned bigints. */
export interface AccountState {
  readonly nonce: bigint;
  readonly balance: bigint;
  readonly code: Uint8Array;
  /** Slot → value; zero values are absent. */
  readonly storage: ReadonlyMap<bigint, bigint>;
}

/** Address (160-bit, as bigint) → account. */
export type PreState = ReadonlyMap<bigint, AccountState>;

/** The block the transaction runs in (the `env` of a state test). */
export interface BlockEnv {
  readonly coinbase: bigint;
  readonly gasLimit: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly difficulty: bigint;
  /** `currentRandom`: PREVRANDAO from Paris on. */
  readonly prevRandao?: bigint;
  /** `currentBaseFee`: from London on. */
  readonly baseFee?: bigint;
  /** `currentExcessBlobGas`: from Cancun on. */
  readonly excessBlobGas?: bigint;
}

/** One (test, fork, data/gas/value index) case of a GeneralStateTests file. */
export interface StateTestCase {
  /** `file::test::fork::d<i>g<j>v<k>`, stable across runs (used by --filter, skip lists and reports). */
  readonly id: string;
  readonly fork: ForkName;
  readonly env: BlockEnv;
  readonly pre: PreState;
  /** The signed transaction, exactly as `txbytes` gives it (RLP, or a typed envelope). */
  readonly txBytes: Uint8Array;
}

/**
 * Why a transaction was rejected before execution. The names are those of the vectors'
 * `expectException` (`TransactionException.X`), plus the decoding failures.
 */
export type TransactionError =
  | "INTRINSIC_GAS_TOO_LOW"
  | "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST"
  | "GAS_LIMIT_EXCEEDS_MAXIMUM"
  | "INSUFFICIENT_ACCOUNT_FUNDS"
  | "SENDER_NOT_EOA"
  | "NONCE_MISMATCH"
  | "NONCE_IS_MAX"
  | "INITCODE_SIZE_EXCEEDED"
  | "INSUFFICIENT_MAX_FEE_PER_GAS"
  | "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"
  | "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"
  | "GAS_ALLOWANCE_EXCEEDED"
  | "GASLIMIT_PRICE_PRODUCT_OVERFLOW"
  | "TYPE_NOT_SUPPORTED"
  | "TYPE_3_TX_PRE_FORK"
  | "TYPE_3_TX_ZERO_BLOBS"
  | "TYPE_3_TX_BLOB_COUNT_EXCEEDED"
  | "TYPE_3_TX_CONTRACT_CREATION"
  | "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"
  | "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"
  | "TYPE_4_TX_PRE_FORK"
  | "TYPE_4_TX_CONTRACT_CREATION"
  | "TYPE_4_EMPTY_AUTHORIZATION_LIST"
  | "INVALID_SIGNATURE"
  | "INVALID_CHAIN_ID"
  | "MALFORMED_RLP"
  | "VALUE_OUT_OF_RANGE";

/**
 * Why a frame halted exceptionally (Yellow Paper §9.4.2: all its gas consumed, its changes undone),
 * in go-ethereum's words (core/vm/errors.go), which its EIP-3155 tracer prints and the tools that
 * compare traces expect. One list for every implementation: the spec names its halts with these
 * strings (a test pins its list to this one), src/vm returns them, and a peer adapter maps its own
 * words onto them.
 *
 * Some of geth's errors carry a per-instance detail: `stack underflow (0 <=> 1)` (stack length
 * and items needed) and `invalid opcode: opcode 0xc not defined` (the byte's name). SVM keeps the
 * fixed part only: the trace line that carries the error already has the stack and the opcode,
 * and a reason that is one fixed string compares by equality across implementations, including
 * peers that do not report the detail. `stack limit reached 1024 (1023)` is kept whole, because
 * geth prints it the same for every instruction (every instruction pushes at most one item net).
 */
export const HALT_REASONS = [
  /**
   * A price above the gas left. geth wraps every failure of a dynamic price in it and prints the
   * cause after a colon (`out of gas: max initcode size exceeded: size 49153` for EIP-3860's
   * limit, `out of gas: not enough gas for reentrancy sentry` for EIP-2200's, `out of gas: gas
   * uint64 overflow` for memory beyond any gas limit); the cause is detail, the reason this.
   */
  "out of gas",
  /** Homestead on: the returned code cannot be paid for at 200 gas a byte (Yellow Paper §7). */
  "contract creation code storage out of gas",
  "stack underflow",
  "stack limit reached 1024 (1023)",
  /** The designated INVALID (0xfe), or a byte that is no instruction in the fork. */
  "invalid opcode",
  "invalid jump destination",
  /** A state change in a static context (EIP-214). */
  "write protection",
  /** RETURNDATACOPY past the end of the return data (EIP-211). */
  "return data out of bounds",
  /** Deployed code longer than 24576 bytes (EIP-170). */
  "max code size exceeded",
  /** Deployed code starting with 0xEF (EIP-3541). */
  "invalid code: must not begin with 0xef",
  /** A creation at an address that has code or a nonce (EIP-684). */
  "contract address collision",
  /**
   * A precompile refused its input (a point off the curve, a bad length, a failed KZG proof).
   * SVM's own words: geth reports each precompile's own error text here. A precompile that is
   * not given enough gas halts with `out of gas`.
   */
  "precompile failed",
] as const;

export type HaltReason = (typeof HALT_REASONS)[number];

export function isHaltReason(text: string): text is HaltReason {
  return (HALT_REASONS as readonly string[]).includes(text);
}

/** How the top frame ended: normally, by REVERT (EIP-140), or by an exceptional halt. */
export type FrameStatus = "success" | "revert" | HaltReason;

/** The text geth's EIP-3155 summary line gives a REVERT (core/vm ErrExecutionReverted). */
export const EXECUTION_REVERTED = "execution reverted";

/**
 * The opName of a trace step whose byte is no instruction at all (no fork defines it), in
 * go-ethereum's words (`OpCode.String`, `opcode %#x not defined`): `opcode 0xc not defined`.
 */
export function undefinedOpcodeName(op: number): string {
  return `opcode 0x${op.toString(16)} not defined`;
}

/** The observable outcome of a case. */
export type CaseOutcome =
  | {
      readonly kind: "executed";
      /** Merkle-Patricia root of the post state (32 bytes). */
      readonly stateRoot: Uint8Array;
      /**
       * keccak256(rlp([[address, [topics...], data], ...])) (32 bytes); absent when the
       * implementation does not report it (an external state-test binary such as geth's `evm`).
       */
      readonly logsHash?: Uint8Array;
      readonly gasUsed: bigint;
      /** The top frame's return (or revert) data. */
      readonly output: Uint8Array;
      readonly status: FrameStatus;
    }
  | {
      readonly kind: "rejected";
      /** The post state root equals the pre-state root (32 bytes). */
      readonly stateRoot: Uint8Array;
      readonly error: TransactionError;
      readonly message: string;
    };

/** One EIP-3155 trace line, before JSON encoding. */
export interface TraceStep {
  readonly pc: number;
  readonly op: number;
  readonly opName: string;
  readonly gas: bigint;
  readonly gasCost: bigint;
  /** Bottom first, as EIP-3155 lists it. */
  readonly stack: readonly bigint[];
  readonly depth: number;
  readonly refund: bigint;
  readonly memSize: number;
  readonly returnData?: Uint8Array;
  /** The exceptional halt this instruction caused, on the instruction that failed (EIP-3155). */
  readonly error?: HaltReason;
}

/** A sink for trace lines; attaching one must not change any other observable. */
export interface Tracer {
  step(step: TraceStep): void;
}

/**
 * Told of each instruction as it is about to run, with no trace record built: cheap enough to
 * attach to a run of any length, so that a run stopped from outside (`svm run --timeout`,
 * Ctrl-C) can say how far it got. Attaching one must not change any other observable.
 */
export interface ProgressProbe {
  step(pc: number, depth: number): void;
}

export interface RunOptions {
  readonly tracer?: Tracer;
  readonly progress?: ProgressProbe;
}

/** An EVM that can run state-test cases. */
export interface Implementation {
  /** Short name used on the command line (`--impl NAME`). */
  readonly name: string;
  /**
   * The forks this implementation can run; all of FORK_NAMES when absent. The state-test runner
   * reports cases of other forks as skipped rather than failed.
   */
  readonly forks?: readonly ForkName[];
  /**
   * A tracer or progress probe makes this implementation run another engine (src with its compile
   * tier on: a traced run interprets, an untraced one runs compiled code). Attaching one must
   * still change no observable, so a differential run also runs it untraced, compares that outcome
   * with the other side's, and counts a difference between its own traced and untraced outcomes
   * as a divergence: the engine under test is the one that runs untraced. Absent means false.
   */
  readonly tracingChangesEngine?: boolean;
  runStateTest(testCase: StateTestCase, options?: RunOptions): CaseOutcome | Promise<CaseOutcome>;
}
