/**
 * Every fork's rules as data: one schedule per fork, each built from its predecessor by the
 * changes that fork introduced (KEVM's `schedule.md` approach). The interpreter reads the
 * schedule of the fork it runs under and never compares fork names.
 *
 * Gas amounts are JavaScript numbers: each fits easily, and the hot loop avoids BigInt for gas.
 */
import type { ForkName } from "../../interface/implementation.js";

export type SstoreRule =
  /** Yellow Paper, Appendix G: 20000 to set a zero slot, 5000 otherwise, refund on clearing. */
  | "legacy"
  /** EIP-1283 net gas metering (Constantinople only). */
  | "net-metered"
  /** EIP-2200 net gas metering with the 2300-gas sentry (Istanbul on). */
  | "net-metered-with-sentry";

export interface ForkSchedule {
  readonly name: ForkName;

  // Account and storage access (fixed prices, used when `warmColdAccess` is off).
  readonly gasBalance: number;
  readonly gasExtCode: number;
  readonly gasExtCodeHash: number;
  readonly gasSload: number;
  readonly gasCall: number;
  readonly gasSelfdestruct: number;
  /** EIP-2929: cold on first touch in a transaction, warm after; EIP-2930 access lists. */
  readonly warmColdAccess: boolean;
  readonly gasColdSload: number;
  readonly gasColdAccountAccess: number;
  readonly gasWarmAccess: number;

  // SSTORE
  readonly sstoreRule: SstoreRule;
  readonly gasSstoreSet: number;
  readonly gasSstoreReset: number;
  /** Cost of an SSTORE that changes nothing under net metering (EIP-1283: 200, EIP-2200: SLOAD price, EIP-2929: warm read). */
  readonly gasSstoreNoop: number;
  readonly refundSstoreClears: number;
  readonly sstoreSentryGas: number;

  // Calls and creation
  readonly gasCallValue: number;
  readonly gasCallStipend: number;
  readonly gasNewAccount: number;
  /** EIP-150: a call passes at most all but one 64th of the remaining gas. */
  readonly allButOne64th: boolean;
  /** EIP-161: value-less calls don't create accounts; touched empty accounts are deleted; new contracts start at nonce 1. */
  readonly emptyAccountsAreDead: boolean;
  /** EIP-150: SELFDESTRUCT to a new account costs extra. */
  readonly selfdestructNewAccountGas: number;
  readonly refundSelfdestruct: number;
  readonly gasCreate: number;
  readonly gasCodeDeposit: number;
  /** Homestead (EIP-2): running out of gas for the code deposit fails the creation instead of leaving empty code. */
  readonly codeDepositFailsCreation: boolean;
  readonly maxCodeSize: number;
  readonly maxInitcodeSize: number;
  readonly gasInitcodeWord: number;
  /** EIP-3541: deployed code may not start with 0xEF. */
  readonly rejectEfCode: boolean;
  /** EIP-6780: SELFDESTRUCT deletes the account only if it was created in the same transaction. */
  readonly selfdestructOnlyInCreatingTx: boolean;

  // Arithmetic
  readonly gasExpByte: number;

  // Transactions
  readonly gasTxCreate: number;
  readonly gasTxDataNonZero: number;
  readonly gasAccessListAddress: number;
  readonly gasAccessListStorageKey: number;
  /** Transaction envelope types accepted (EIP-2718). */
  readonly txTypes: readonly number[];
  /** EIP-155 replay protection with chain id (legacy v = chainId * 2 + 35/36 accepted). */
  readonly chainIdInSignature: boolean;
  /** Homestead (EIP-2): signatures with s > n/2 are invalid. */
  readonly lowS: boolean;
  /** EIP-3529 (London): refund capped at gasUsed/5 instead of /2. */
  readonly maxRefundQuotient: number;
  /** EIP-1559: the base fee is burnt; the coinbase gets only the priority fee. */
  readonly burnsBaseFee: boolean;
  /** EIP-3651: the coinbase starts warm. */
  readonly warmCoinbase: boolean;
  /** EIP-4844 blob gas. */
  readonly blobGasPerBlob: number;
  /** EIP-4844 target, EIP-7691 raised it (EIP-7840 blob schedule: target and max blobs per block). */
  readonly targetBlobGasPerBlock: number;
  readonly maxBlobGasPerBlock: number;
  readonly blobBaseFeeUpdateFraction: bigint;
  readonly minBlobBaseFee: bigint;
  /** EIP-7594 (Osaka): at most this many blobs in one transaction (before: only the block's blob gas bounds it). */
  readonly maxBlobsPerTx: number;
  /**
   * EIP-7918 (Osaka) BLOB_BASE_COST: while a blob costs less than this much execution gas, the
   * excess blob gas stops falling (0: no bound). Only header processing reads it (blob-gas.ts):
   * a state test is given its block's excess blob gas.
   */
  readonly blobBaseCost: bigint;
  /** EIP-7825 (Osaka): a transaction's gas limit may not exceed this. */
  readonly maxTxGas: bigint;
  /** EIP-7623 (Prague): gas per calldata token below which a transaction's gas used may not fall (0: no floor). */
  readonly gasFloorPerToken: number;
  /** EIP-7702 (Prague): intrinsic gas per authorization, and the part refunded when the authority already exists. */
  readonly gasPerEmptyAccount: number;
  readonly gasPerAuthBase: number;
  /** EIP-7702: code 0xef0100 ‖ address delegates CALL* and the transaction's code to `address`. */
  readonly delegation: boolean;

  // Opcodes and precompiles
  /** Opcode bytes valid in this fork. */
  readonly opcodes: ReadonlySet<number>;
  /** Addresses of the precompiled contracts (0x01..0x0a, then EIP-2537's 0x0b..0x11, EIP-7951's 0x100, SVM's 0x010000..). */
  readonly precompiles: readonly number[];
  /** EIP-1108 (Istanbul) lowered the alt_bn128 prices. */
  readonly bnAddGas: number;
  readonly bnMulGas: number;
  readonly bnPairingBaseGas: number;
  readonly bnPairingPerPointGas: number;
  /** Modexp pricing: EIP-198, EIP-2565 (Berlin), EIP-7883 (Osaka). */
  readonly modexpRule: "eip198" | "eip2565" | "eip7883";
  /**
   * EIP-7823 (Osaka): each of the base, exponent and modulus lengths at most this many bytes, else
   * the call fails; null before, when only the price bounds them.
   */
  readonly modexpMaxLength: number | null;
  /** EIP-7951 (Osaka) P256VERIFY price. */
  readonly p256VerifyGas: number;
  /** From Paris, DIFFICULTY (0x44) returns PREVRANDAO (EIP-4399). */
  readonly difficultyIsPrevRandao: boolean;
}

const FRONTIER_OPCODES = [
  ...range(0x00, 0x0b), ...range(0x10, 0x1a), 0x20, ...range(0x30, 0x3c), ...range(0x40, 0x45),
  ...range(0x50, 0x5b), ...range(0x60, 0xa4), 0xf0, 0xf1, 0xf2, 0xf3, 0xff,
];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function withOpcodes(base: ReadonlySet<number>, added: number[]): ReadonlySet<number> {
  return new Set([...base, ...added]);
}

const frontier: ForkSchedule = {
  name: "Frontier",
  gasBalance: 20,
  gasExtCode: 20,
  gasExtCodeHash: 400,
  gasSload: 50,
  gasCall: 40,
  gasSelfdestruct: 0,
  warmColdAccess: false,
  gasColdSload: 0,
  gasColdAccountAccess: 0,
  gasWarmAccess: 0,
  sstoreRule: "legacy",
  gasSstoreSet: 20000,
  gasSstoreReset: 5000,
  gasSstoreNoop: 5000,
  refundSstoreClears: 15000,
  sstoreSentryGas: 0,
  gasCallValue: 9000,
  gasCallStipend: 2300,
  gasNewAccount: 25000,
  allButOne64th: false,
  emptyAccountsAreDead: false,
  selfdestructNewAccountGas: 0,
  refundSelfdestruct: 24000,
  gasCreate: 32000,
  gasCodeDeposit: 200,
  codeDepositFailsCreation: false,
  maxCodeSize: Number.MAX_SAFE_INTEGER,
  maxInitcodeSize: Number.MAX_SAFE_INTEGER,
  gasInitcodeWord: 0,
  rejectEfCode: false,
  selfdestructOnlyInCreatingTx: false,
  gasExpByte: 10,
  gasTxCreate: 0,
  gasTxDataNonZero: 68,
  gasAccessListAddress: 0,
  gasAccessListStorageKey: 0,
  txTypes: [0],
  chainIdInSignature: false,
  lowS: false,
  maxRefundQuotient: 2,
  burnsBaseFee: false,
  warmCoinbase: false,
  blobGasPerBlob: 0,
  targetBlobGasPerBlock: 0,
  maxBlobGasPerBlock: 0,
  blobBaseFeeUpdateFraction: 1n,
  minBlobBaseFee: 1n,
  maxBlobsPerTx: Number.MAX_SAFE_INTEGER,
  blobBaseCost: 0n,
  maxTxGas: (1n << 64n) - 1n,
  gasFloorPerToken: 0,
  gasPerEmptyAccount: 0,
  gasPerAuthBase: 0,
  delegation: false,
  opcodes: new Set(FRONTIER_OPCODES),
  precompiles: [1, 2, 3, 4],
  bnAddGas: 0,
  bnMulGas: 0,
  bnPairingBaseGas: 0,
  bnPairingPerPointGas: 0,
  modexpRule: "eip198",
  modexpMaxLength: null,
  p256VerifyGas: 0,
  difficultyIsPrevRandao: false,
};

/** Homestead: EIP-2 (creation tx cost, low-s signatures, code deposit failure), EIP-7 DELEGATECALL. */
const homestead: ForkSchedule = {
  ...frontier,
  name: "Homestead",
  gasTxCreate: 32000,
  lowS: true,
  codeDepositFailsCreation: true,
  opcodes: withOpcodes(frontier.opcodes, [0xf4]),
};

/** Tangerine Whistle: EIP-150 repricing of IO-heavy operations and the 63/64 call rule. */
const eip150: ForkSchedule = {
  ...homestead,
  name: "EIP150",
  gasBalance: 400,
  gasExtCode: 700,
  gasSload: 200,
  gasCall: 700,
  gasSelfdestruct: 5000,
  selfdestructNewAccountGas: 25000,
  allButOne64th: true,
};

/** Spurious Dragon: EIP-155 chain id, EIP-160 EXP price, EIP-161 state clearing, EIP-170 code size. */
const eip158: ForkSchedule = {
  ...eip150,
  name: "EIP158",
  gasExpByte: 50,
  emptyAccountsAreDead: true,
  chainIdInSignature: true,
  maxCodeSize: 0x6000,
};

/** Byzantium: REVERT (EIP-140), RETURNDATA (EIP-211), STATICCALL (EIP-214), precompiles 5-8. */
const byzantium: ForkSchedule = {
  ...eip158,
  name: "Byzantium",
  opcodes: withOpcodes(eip158.opcodes, [0xfd, 0x3d, 0x3e, 0xfa]),
  precompiles: [...frontier.precompiles, 5, 6, 7, 8],
  bnAddGas: 500,
  bnMulGas: 40000,
  bnPairingBaseGas: 100000,
  bnPairingPerPointGas: 80000,
};

/** Constantinople: shifts (EIP-145), CREATE2 (EIP-1014), EXTCODEHASH (EIP-1052), net SSTORE metering (EIP-1283). */
const constantinople: ForkSchedule = {
  ...byzantium,
  name: "Constantinople",
  opcodes: withOpcodes(byzantium.opcodes, [0x1b, 0x1c, 0x1d, 0xf5, 0x3f]),
  sstoreRule: "net-metered",
  gasSstoreNoop: 200,
};

/** Petersburg: Constantinople without EIP-1283. */
const constantinopleFix: ForkSchedule = {
  ...constantinople,
  name: "ConstantinopleFix",
  sstoreRule: "legacy",
  gasSstoreNoop: 5000,
};

/** Istanbul: EIP-152 BLAKE2, EIP-1108 cheaper alt_bn128, EIP-1344 CHAINID, EIP-1884 repricing + SELFBALANCE, EIP-2028 calldata, EIP-2200 SSTORE. */
const istanbul: ForkSchedule = {
  ...constantinopleFix,
  name: "Istanbul",
  opcodes: withOpcodes(constantinopleFix.opcodes, [0x46, 0x47]),
  precompiles: [...byzantium.precompiles, 9],
  bnAddGas: 150,
  bnMulGas: 6000,
  bnPairingBaseGas: 45000,
  bnPairingPerPointGas: 34000,
  gasBalance: 700,
  gasExtCodeHash: 700,
  gasSload: 800,
  gasTxDataNonZero: 16,
  sstoreRule: "net-metered-with-sentry",
  gasSstoreNoop: 800,
  sstoreSentryGas: 2300,
};

/** Berlin: EIP-2565 modexp, EIP-2718 typed transactions, EIP-2929 warm/cold access, EIP-2930 access lists. */
const berlin: ForkSchedule = {
  ...istanbul,
  name: "Berlin",
  modexpRule: "eip2565",
  txTypes: [0, 1],
  warmColdAccess: true,
  gasColdSload: 2100,
  gasColdAccountAccess: 2600,
  gasWarmAccess: 100,
  gasSstoreReset: 5000 - 2100,
  gasSstoreNoop: 100,
  gasAccessListAddress: 2400,
  gasAccessListStorageKey: 1900,
};

/** London: EIP-1559 fee market, EIP-3198 BASEFEE, EIP-3529 fewer refunds, EIP-3541 no 0xEF code. */
const london: ForkSchedule = {
  ...berlin,
  name: "London",
  txTypes: [0, 1, 2],
  opcodes: withOpcodes(berlin.opcodes, [0x48]),
  refundSstoreClears: 4800,
  refundSelfdestruct: 0,
  maxRefundQuotient: 5,
  burnsBaseFee: true,
  rejectEfCode: true,
};

/** Paris: EIP-4399 PREVRANDAO replaces DIFFICULTY. */
const paris: ForkSchedule = { ...london, name: "Paris", difficultyIsPrevRandao: true };

/** Shanghai: EIP-3651 warm coinbase, EIP-3855 PUSH0, EIP-3860 initcode limit and metering. */
const shanghai: ForkSchedule = {
  ...paris,
  name: "Shanghai",
  warmCoinbase: true,
  opcodes: withOpcodes(paris.opcodes, [0x5f]),
  maxInitcodeSize: 2 * 0x6000,
  gasInitcodeWord: 2,
};

/** Cancun: EIP-1153 transient storage, EIP-4844 blobs, EIP-5656 MCOPY, EIP-6780 SELFDESTRUCT, EIP-7516 BLOBBASEFEE. */
const cancun: ForkSchedule = {
  ...shanghai,
  name: "Cancun",
  opcodes: withOpcodes(shanghai.opcodes, [0x5c, 0x5d, 0x5e, 0x49, 0x4a]),
  txTypes: [0, 1, 2, 3],
  precompiles: [...istanbul.precompiles, 0x0a],
  selfdestructOnlyInCreatingTx: true,
  blobGasPerBlob: 131072,
  targetBlobGasPerBlock: 3 * 131072,
  maxBlobGasPerBlock: 6 * 131072,
  blobBaseFeeUpdateFraction: 3338477n,
  minBlobBaseFee: 1n,
};

/**
 * Prague: EIP-2537 BLS12-381 precompiles, EIP-7623 calldata floor, EIP-7691 blob throughput
 * (target 6, max 9, EIP-7840 schedule), EIP-7702 set-code transactions. EIP-2935 changes nothing
 * a transaction sees: BLOCKHASH keeps its 256-block window, and the history contract is written
 * by the block's system call, which a state test does not make (its pre-state has no such contract).
 */
const prague: ForkSchedule = {
  ...cancun,
  name: "Prague",
  txTypes: [0, 1, 2, 3, 4],
  precompiles: [...cancun.precompiles, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11],
  targetBlobGasPerBlock: 6 * 131072,
  maxBlobGasPerBlock: 9 * 131072,
  blobBaseFeeUpdateFraction: 5007716n,
  gasFloorPerToken: 10,
  gasPerEmptyAccount: 25000,
  gasPerAuthBase: 12500,
  delegation: true,
};

/**
 * Osaka: EIP-7594 blobs per transaction, EIP-7823/7883 modexp bounds and price, EIP-7825 gas cap,
 * EIP-7918 blob base fee bound, EIP-7939 CLZ, EIP-7951 P256VERIFY.
 */
const osaka: ForkSchedule = {
  ...prague,
  name: "Osaka",
  opcodes: withOpcodes(prague.opcodes, [0x1e]),
  precompiles: [...prague.precompiles, 0x100],
  maxBlobsPerTx: 6,
  blobBaseCost: 1n << 13n,
  maxTxGas: 1n << 24n,
  modexpRule: "eip7883",
  modexpMaxLength: 1024,
  p256VerifyGas: 6900,
};

/**
 * SVM: Osaka plus the SVM precompiles of docs/extensions.md (the normative table), in the block
 * from 0x010000, above the 0x0000-0xffff range EIP-1352 reserves for Ethereum.
 */
const svm: ForkSchedule = {
  ...osaka,
  name: "SVM",
  precompiles: [
    ...osaka.precompiles,
    // hashes and authenticated decryption
    0x010001, 0x010002, 0x010003, 0x010004, 0x010010,
    // classical signatures: Ed25519, BIP-340 Schnorr, RSA PKCS#1 v1.5 and PSS
    0x010020, 0x010021, 0x010022, 0x010023,
    // BLS min-pk: verify, aggregate verify, fast aggregate verify
    0x010030, 0x010031, 0x010032,
    // post-quantum: ML-DSA-44/65/87, SLH-DSA SHA2/SHAKE-128s/f, Falcon-512/1024
    0x010040, 0x010041, 0x010042, 0x010044, 0x010045, 0x010046, 0x010047, 0x010048, 0x010049,
    // hybrid: a classical and a post-quantum signature over one message
    0x010050,
  ],
};

const SCHEDULES: Readonly<Record<ForkName, ForkSchedule>> = {
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

export function scheduleOf(fork: ForkName): ForkSchedule {
  return SCHEDULES[fork];
}
