/**
 * Every fork's schedule, each written as the previous fork plus what it changes.
 * Reading this file top to bottom is reading the history of the EVM's gas and feature rules.
 */
import type { ForkName } from "./names.js";
import type { Schedule } from "./schedule.js";
import { SVM_PRECOMPILE_ADDRESSES } from "./svm-addresses.js";

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The addresses 1..count, the precompiles of the forks up to Cancun. */
function addresses(count: number): bigint[] {
  return range(1, count).map(BigInt);
}

function withOpcodes(base: Schedule, added: readonly number[]): ReadonlySet<number> {
  return new Set([...base.opcodes, ...added]);
}

/** Yellow Paper (Frontier) values. */
const frontier: Schedule = {
  fork: "Frontier",
  gasZero: 0n,
  gasBase: 2n,
  gasVeryLow: 3n,
  gasLow: 5n,
  gasMid: 8n,
  gasHigh: 10n,
  gasJumpdest: 1n,
  accessRule: "fixed",
  gasBalance: 20n,
  gasExtCode: 20n,
  gasExtCodeHash: 400n,
  gasSload: 50n,
  gasCall: 40n,
  gasColdSload: 2100n,
  gasColdAccountAccess: 2600n,
  gasWarmAccess: 100n,
  sstoreRule: "legacy",
  gasSstoreSet: 20000n,
  gasSstoreReset: 5000n,
  refundSstoreClears: 15000n,
  sstoreSentryGas: 2300n,
  gasCallValue: 9000n,
  gasCallStipend: 2300n,
  gasNewAccount: 25000n,
  allButOne64th: false,
  emptyAccountsAreDead: false,
  gasCreate: 32000n,
  gasCodeDeposit: 200n,
  maxCodeSize: null,
  maxInitcodeSize: null,
  gasInitcodeWord: 0n,
  codeDepositFailureIsError: false,
  rejectEfCode: false,
  gasSelfdestruct: 0n,
  refundSelfdestruct: 24000n,
  selfdestructOnlyInCreatingTx: false,
  gasExp: 10n,
  gasExpByte: 10n,
  gasKeccak256: 30n,
  gasKeccak256Word: 6n,
  gasCopyWord: 3n,
  gasMemoryWord: 3n,
  memoryQuadraticDivisor: 512n,
  gasLog: 375n,
  gasLogTopic: 375n,
  gasLogData: 8n,
  gasBlockhash: 20n,
  gasTransientStorage: 100n,
  maxRefundQuotient: 2n,
  gasTransaction: 21000n,
  gasTransactionCreate: 0n,
  gasTxDataZero: 4n,
  gasTxDataNonZero: 68n,
  gasAccessListAddress: 2400n,
  gasAccessListStorageKey: 1900n,
  txTypes: [0],
  chainIdInSignature: false,
  lowS: false,
  hasBaseFee: false,
  warmCoinbase: false,
  gasTxDataFloorPerToken: null,
  maxTransactionGas: null,
  codeDelegation: false,
  gasPerBlob: 131072n,
  targetBlobsPerBlock: 3,
  maxBlobsPerBlock: 6,
  maxBlobsPerTransaction: null,
  minBlobBaseFee: 1n,
  blobBaseFeeUpdateFraction: 3338477n,
  opcodes: new Set([
    ...range(0x00, 0x0b),
    ...range(0x10, 0x1a),
    0x20,
    ...range(0x30, 0x3c),
    ...range(0x40, 0x45),
    ...range(0x50, 0x5b),
    ...range(0x60, 0x7f),
    ...range(0x80, 0x8f),
    ...range(0x90, 0x9f),
    ...range(0xa0, 0xa4),
    0xf0,
    0xf1,
    0xf2,
    0xf3,
    0xff,
  ]),
  precompiles: addresses(4),
  modexpPricing: "eip198",
  modexpMaxLength: null,
  bn254Eip1108: false,
  prevRandaoReplacesDifficulty: false,
};

/** EIP-2 (creation tx cost, low-s, failed code deposit is an error), EIP-7 (DELEGATECALL). */
const homestead: Schedule = {
  ...frontier,
  fork: "Homestead",
  gasTransactionCreate: 32000n,
  lowS: true,
  codeDepositFailureIsError: true,
  opcodes: withOpcodes(frontier, [0xf4]),
};

/** EIP-150: IO-heavy operations repriced, calls pass all but one 64th. */
const eip150: Schedule = {
  ...homestead,
  fork: "EIP150",
  gasBalance: 400n,
  gasExtCode: 700n,
  gasSload: 200n,
  gasCall: 700n,
  gasSelfdestruct: 5000n,
  allButOne64th: true,
};

/** EIP-155 (chain id), EIP-160 (EXP byte cost), EIP-161 (empty accounts), EIP-170 (code size). */
const eip158: Schedule = {
  ...eip150,
  fork: "EIP158",
  chainIdInSignature: true,
  gasExpByte: 50n,
  emptyAccountsAreDead: true,
  maxCodeSize: 24576,
};

/** EIP-140 REVERT, EIP-211 RETURNDATA*, EIP-214 STATICCALL, EIP-196/197/198 precompiles. */
const byzantium: Schedule = {
  ...eip158,
  fork: "Byzantium",
  opcodes: withOpcodes(eip158, [0x3d, 0x3e, 0xfa, 0xfd]),
  precompiles: addresses(8),
};

/** EIP-145 shifts, EIP-1014 CREATE2, EIP-1052 EXTCODEHASH, EIP-1283 net-metered SSTORE. */
const constantinople: Schedule = {
  ...byzantium,
  fork: "Constantinople",
  opcodes: withOpcodes(byzantium, [0x1b, 0x1c, 0x1d, 0x3f, 0xf5]),
  sstoreRule: "net-metered",
};

/** Petersburg: Constantinople without EIP-1283. */
const constantinopleFix: Schedule = { ...constantinople, fork: "ConstantinopleFix", sstoreRule: "legacy" };

/** EIP-152 BLAKE2F, EIP-1108 bn254 prices, EIP-1344 CHAINID, EIP-1884 repricing, EIP-2028 calldata, EIP-2200 SSTORE. */
const istanbul: Schedule = {
  ...constantinopleFix,
  fork: "Istanbul",
  opcodes: withOpcodes(constantinopleFix, [0x46, 0x47]),
  precompiles: addresses(9),
  bn254Eip1108: true,
  gasBalance: 700n,
  gasExtCodeHash: 700n,
  gasSload: 800n,
  gasTxDataNonZero: 16n,
  sstoreRule: "net-metered-with-sentry",
};

/** EIP-2565 ModExp pricing, EIP-2929 warm/cold access, EIP-2930 access lists (type 1). */
const berlin: Schedule = {
  ...istanbul,
  fork: "Berlin",
  modexpPricing: "eip2565",
  accessRule: "warm-cold",
  gasSstoreReset: 5000n - 2100n,
  txTypes: [0, 1],
};

/** EIP-1559 (type 2, base fee), EIP-3198 BASEFEE, EIP-3529 refunds, EIP-3541 0xEF code. */
const london: Schedule = {
  ...berlin,
  fork: "London",
  opcodes: withOpcodes(berlin, [0x48]),
  txTypes: [0, 1, 2],
  hasBaseFee: true,
  refundSstoreClears: 4800n,
  refundSelfdestruct: 0n,
  maxRefundQuotient: 5n,
  rejectEfCode: true,
};

/** The Merge: EIP-4399 PREVRANDAO. */
const paris: Schedule = { ...london, fork: "Paris", prevRandaoReplacesDifficulty: true };

/** EIP-3651 warm coinbase, EIP-3855 PUSH0, EIP-3860 initcode limit and metering. */
const shanghai: Schedule = {
  ...paris,
  fork: "Shanghai",
  opcodes: withOpcodes(paris, [0x5f]),
  warmCoinbase: true,
  maxInitcodeSize: 2 * 24576,
  gasInitcodeWord: 2n,
};

/** EIP-1153 transient storage, EIP-4844 blobs, EIP-5656 MCOPY, EIP-6780 SELFDESTRUCT, EIP-7516 BLOBBASEFEE. */
const cancun: Schedule = {
  ...shanghai,
  fork: "Cancun",
  opcodes: withOpcodes(shanghai, [0x49, 0x4a, 0x5c, 0x5d, 0x5e]),
  txTypes: [0, 1, 2, 3],
  precompiles: addresses(10),
  selfdestructOnlyInCreatingTx: true,
};

/**
 * Prague (EIP-7600): EIP-2537 BLS12-381 precompiles at 0x0b-0x11, EIP-7623 calldata floor,
 * EIP-7691 more blobs (target 6, max 9, fraction 5007716) as EIP-7840's blob schedule, EIP-7702
 * set-code transactions (type 4) and delegated code. EIP-2935 (block hashes kept in a system
 * contract) leaves BLOCKHASH as it was and needs a pre-block system call, which a state test
 * does not make, so nothing of it is visible here.
 */
const prague: Schedule = {
  ...cancun,
  fork: "Prague",
  txTypes: [0, 1, 2, 3, 4],
  precompiles: addresses(0x11),
  gasTxDataFloorPerToken: 10n,
  codeDelegation: true,
  targetBlobsPerBlock: 6,
  maxBlobsPerBlock: 9,
  blobBaseFeeUpdateFraction: 5007716n,
};

/** The P256VERIFY precompile's address (EIP-7951). */
const P256VERIFY_ADDRESS = 0x100n;

/**
 * Osaka (EIP-7607): EIP-7939 CLZ, EIP-7951 P256VERIFY at 0x100, EIP-7823 MODEXP bounds and
 * EIP-7883 MODEXP pricing, EIP-7825 transaction gas cap 2^24, EIP-7594 at most 6 blobs per
 * transaction. EIP-7918 bounds the next block's excess blob gas, which a state test gives
 * outright, so the blob price of a given excess is unchanged.
 */
const osaka: Schedule = {
  ...prague,
  fork: "Osaka",
  opcodes: withOpcodes(prague, [0x1e]),
  precompiles: [...prague.precompiles, P256VERIFY_ADDRESS],
  modexpPricing: "eip7883",
  modexpMaxLength: 1024n,
  maxTransactionGas: 1n << 24n,
  maxBlobsPerTransaction: 6,
};

/**
 * SVM: Osaka plus the SVM precompiles (docs/extensions.md, addresses 0x010000-0x0100ff, above
 * EIP-1352's reserved range so no Ethereum precompile can ever collide). Not an Ethereum fork.
 */
const svm: Schedule = {
  ...osaka,
  fork: "SVM",
  precompiles: [...osaka.precompiles, ...SVM_PRECOMPILE_ADDRESSES],
};

export const SCHEDULES: Readonly<Record<ForkName, Schedule>> = {
  Frontier: frontier,
  Homestead: homestead,
  EIP150: eip150,
  EIP158: eip158,
  Byzantium: byzantium,
  Constantinople: constantinople,
  ConstantinopleFix: constantinopleFix,
  Istanbul: istanbul,
  Berlin: berlin,
  London: london,
  Paris: paris,
  Shanghai: shanghai,
  Cancun: cancun,
  Prague: prague,
  Osaka: osaka,
  SVM: svm,
};
