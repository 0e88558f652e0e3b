/**
 * A fork's schedule: every constant and rule choice that differs between forks, as data.
 *
 * Rules never ask "is this fork after X?"; they read the schedule of the fork they run under.
 * `forks.ts` builds each fork's schedule from the previous one, so one place says what each
 * fork adds (the approach of KEVM's `schedule.md`).
 */
import type { ForkName } from "./names.js";

/** How SSTORE is priced and refunded. */
export type SstoreRule =
  /** Yellow Paper, Appendix G: 20000 to set a zero slot, 5000 otherwise, refund on clearing. */
  | "legacy"
  /** EIP-1283 net gas metering (Constantinople only; withdrawn by Petersburg). */
  | "net-metered"
  /** EIP-2200 net gas metering with the 2300-gas sentry (Istanbul on; EIP-2929 and EIP-3529 change its constants). */
  | "net-metered-with-sentry";

/** How MODEXP is priced. */
export type ModexpPricing =
  /** EIP-198 (Byzantium): piecewise multiplication complexity, divided by 20. */
  | "eip198"
  /** EIP-2565 (Berlin): squared 64-bit word count, divided by 3, at least 200. */
  | "eip2565"
  /** EIP-7883 (Osaka): doubled word-count square above 32 bytes, 16 per exponent byte beyond 32, at least 500. */
  | "eip7883";

/** How the cost of touching an account or slot is found. */
export type AccessRule =
  /** Fixed per-opcode prices (before Berlin). */
  | "fixed"
  /** EIP-2929: cold on first touch in a transaction, warm after; EIP-2930 access lists pre-warm. */
  | "warm-cold";

export interface Schedule {
  readonly fork: ForkName;

  // --- Tiers of the Yellow Paper, Appendix G ---
  readonly gasZero: bigint;
  readonly gasBase: bigint;
  readonly gasVeryLow: bigint;
  readonly gasLow: bigint;
  readonly gasMid: bigint;
  readonly gasHigh: bigint;
  readonly gasJumpdest: bigint;

  // --- Account and storage access ---
  readonly accessRule: AccessRule;
  /** BALANCE under the fixed rule (20 → 400 in EIP-150 → 700 in EIP-1884). */
  readonly gasBalance: bigint;
  /** EXTCODESIZE and EXTCODECOPY base under the fixed rule (20 → 700 in EIP-150). */
  readonly gasExtCode: bigint;
  /** EXTCODEHASH under the fixed rule (EIP-1052: 400 → 700 in EIP-1884). */
  readonly gasExtCodeHash: bigint;
  /** SLOAD under the fixed rule (50 → 200 in EIP-150 → 800 in EIP-1884). */
  readonly gasSload: bigint;
  /** CALL-family base under the fixed rule (40 → 700 in EIP-150). */
  readonly gasCall: bigint;
  /** EIP-2929 constants. */
  readonly gasColdSload: bigint;
  readonly gasColdAccountAccess: bigint;
  readonly gasWarmAccess: bigint;

  // --- SSTORE ---
  readonly sstoreRule: SstoreRule;
  readonly gasSstoreSet: bigint;
  /** Cost of SSTORE on a non-zero slot (5000, or 5000 − cold SLOAD under EIP-2929). */
  readonly gasSstoreReset: bigint;
  /** Refund for clearing a slot (15000 → 4800 in EIP-3529). */
  readonly refundSstoreClears: bigint;
  /** EIP-2200: SSTORE fails if no more than this much gas is left. */
  readonly sstoreSentryGas: bigint;

  // --- Calls and creation ---
  readonly gasCallValue: bigint;
  readonly gasCallStipend: bigint;
  readonly gasNewAccount: bigint;
  /** EIP-150: a call passes at most all but one 64th of the remaining gas. */
  readonly allButOne64th: boolean;
  /** EIP-161: value-less calls don't create accounts, and touched empty accounts are deleted. */
  readonly emptyAccountsAreDead: boolean;
  readonly gasCreate: bigint;
  readonly gasCodeDeposit: bigint;
  /** EIP-170 maximum deployed code size, or null for no limit. */
  readonly maxCodeSize: number | null;
  /** EIP-3860 maximum initcode size, or null for no limit. */
  readonly maxInitcodeSize: number | null;
  /** EIP-3860 cost per 32-byte word of initcode (0 before Shanghai). */
  readonly gasInitcodeWord: bigint;
  /** Homestead (EIP-2): a creation whose code deposit can't be paid fails instead of leaving empty code. */
  readonly codeDepositFailureIsError: boolean;
  /** EIP-3541: new code may not start with 0xEF. */
  readonly rejectEfCode: boolean;
  readonly gasSelfdestruct: bigint;
  /** Refund for SELFDESTRUCT (24000, 0 in EIP-3529). */
  readonly refundSelfdestruct: bigint;
  /** EIP-6780: SELFDESTRUCT deletes the account only if it was created in the same transaction. */
  readonly selfdestructOnlyInCreatingTx: boolean;

  // --- Word operations ---
  readonly gasExp: bigint;
  /** Per byte of the exponent (10 → 50 in EIP-160). */
  readonly gasExpByte: bigint;
  readonly gasKeccak256: bigint;
  readonly gasKeccak256Word: bigint;
  readonly gasCopyWord: bigint;
  readonly gasMemoryWord: bigint;
  readonly memoryQuadraticDivisor: bigint;
  readonly gasLog: bigint;
  readonly gasLogTopic: bigint;
  readonly gasLogData: bigint;
  readonly gasBlockhash: bigint;
  readonly gasTransientStorage: bigint;

  // --- Refunds ---
  /** The refund is capped at gas used divided by this (2, then 5 in EIP-3529). */
  readonly maxRefundQuotient: bigint;

  // --- Transactions ---
  readonly gasTransaction: bigint;
  /** Extra intrinsic cost of a contract-creation transaction (0 in Frontier, 32000 from Homestead). */
  readonly gasTransactionCreate: bigint;
  readonly gasTxDataZero: bigint;
  /** Per non-zero data byte (68 → 16 in EIP-2028). */
  readonly gasTxDataNonZero: bigint;
  readonly gasAccessListAddress: bigint;
  readonly gasAccessListStorageKey: bigint;
  /** Transaction types accepted (0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844). */
  readonly txTypes: readonly number[];
  /** EIP-155 replay protection is accepted. */
  readonly chainIdInSignature: boolean;
  /** Homestead (EIP-2): signatures with s > n/2 are invalid. */
  readonly lowS: boolean;
  /** EIP-1559 base fee in the block. */
  readonly hasBaseFee: boolean;
  /** EIP-3651: the coinbase starts warm. */
  readonly warmCoinbase: boolean;
  /**
   * EIP-7623: gas per calldata token of the floor a transaction pays at least (tokens: 1 per
   * zero byte, 4 per other byte, plus G_transaction), or null before Prague.
   */
  readonly gasTxDataFloorPerToken: bigint | null;
  /** EIP-7825: the most gas a transaction may ask for, or null for no cap before Osaka. */
  readonly maxTransactionGas: bigint | null;
  /**
   * EIP-7702: an account whose code is 0xef0100 ‖ address delegates to that address's code
   * (calls run it, the sender may hold it, authorizations set it).
   */
  readonly codeDelegation: boolean;

  // --- Blobs (EIP-4844) ---
  readonly gasPerBlob: bigint;
  /** EIP-7840's blob schedule: target and max blobs per block, and the base fee update fraction. */
  readonly targetBlobsPerBlock: number;
  readonly maxBlobsPerBlock: number;
  /** EIP-7594 (Osaka): the most blobs one transaction may carry, or null when only the block's limit applies. */
  readonly maxBlobsPerTransaction: number | null;
  readonly minBlobBaseFee: bigint;
  readonly blobBaseFeeUpdateFraction: bigint;

  // --- Instruction set and precompiles ---
  /** The opcodes that exist in this fork; any other byte is an invalid instruction. */
  readonly opcodes: ReadonlySet<number>;
  /** The addresses of the precompiles that exist, ascending (1..4 in Frontier … 0x0b-0x11 from Prague, 0x100 in Osaka). */
  readonly precompiles: readonly bigint[];
  readonly modexpPricing: ModexpPricing;
  /** EIP-7823 (Osaka): the longest base, exponent or modulus MODEXP accepts, in bytes, or null for no bound. */
  readonly modexpMaxLength: bigint | null;
  /** EIP-1108 bn254 prices (Istanbul on) instead of EIP-196/197's. */
  readonly bn254Eip1108: boolean;
  /** DIFFICULTY returns PREVRANDAO (EIP-4399, Paris on). */
  readonly prevRandaoReplacesDifficulty: boolean;
}
