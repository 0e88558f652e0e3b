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

/** The observable outcome of a case. */
export type CaseOutcome =
  | {
      readonly kind: "executed";
      /** Merkle-Patricia root of the post state (32 bytes). */
      readonly stateRoot: Uint8Array;
      /** keccak256(rlp([[address, [topics...], data], ...])) (32 bytes). */
      readonly logsHash: Uint8Array;
      readonly gasUsed: bigint;
      /** The top frame's return (or revert) data. */
      readonly output: Uint8Array;
      /** "success", "revert", or the exceptional halt that ended the top frame. */
      readonly status: string;
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
  readonly error?: string;
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
  runStateTest(testCase: StateTestCase, options?: RunOptions): CaseOutcome | Promise<CaseOutcome>;
}
