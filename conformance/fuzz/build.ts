/**
 * Scenario → StateTestCase: installs the generated accounts, prices and signs the transaction
 * with the signer's fixed key, and lays out the block environment for the fork.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { delegationDesignator } from "../../spec/machine/delegation.js";
import { authorizationSigningHash } from "../../spec/transaction/authority.js";
import { encodeTransaction } from "../../spec/transaction/encode.js";
import { calldataFloorGas, intrinsicGas } from "../../spec/transaction/intrinsic-gas.js";
import { signingHash } from "../../spec/transaction/signing-hash.js";
import type { Authorization, Transaction } from "../../spec/transaction/types.js";
import type { AccountState, BlockEnv, StateTestCase } from "../../interface/implementation.js";
import { FOLD_SLOT, initcodeBytes, programBytes } from "./program.js";
import type { AuthorizationSeed, Scenario, TxSeed } from "./scenario.js";
import { CONTRACT_ADDRESSES, DEEP_CONTRACT, FRESH_AUTHORITY, PLAIN_ACCOUNT, SIGNERS, type Signer } from "./world.js";

/** ethereum/tests' state tests run on chain id 1. */
export const CHAIN_ID = 1n;
/** Difficulty of a pre-merge block (London), as ethereum/tests' environments give it. */
const LONDON_DIFFICULTY = 0x20000n;

/** A generated case together with what produced its `txbytes`, for writing the state-test JSON. */
export interface BuiltCase {
  readonly testCase: StateTestCase;
  readonly transaction: Transaction;
  readonly signer: Signer;
}

/** A chain id no state test runs on, and the largest one an authorization can carry. */
const OTHER_CHAIN_ID = 2n;
const HUGE_CHAIN_ID = (1n << 256n) - 1n;
const SECP256K1_N = secp256k1.Point.Fn.ORDER;
/** Where a type-4 transaction goes when the seed asks for a creation, which EIP-7702 forbids (`to` is required). */
const SET_CODE_CREATION_FALLBACK = CONTRACT_ADDRESSES[0]!;
/**
 * Generated contracts start with FOLD_SLOT non-zero, so their first fold (program.ts) changes a slot
 * (2100 for the cold SLOAD, then 2900) rather than creating one (20000, EIP-2200 with EIP-2929): folds
 * stay affordable in transactions of 100000 gas.
 */
const FOLD_SEED = 1n;

/** A contract's pre-state storage: FOLD_SLOT seeded, then the generated slots (which may override it); zeros are absent. */
function contractStorage(generated: readonly (readonly [bigint, bigint])[]): Map<bigint, bigint> {
  const storage = new Map<bigint, bigint>([[FOLD_SLOT, FOLD_SEED], ...generated]);
  for (const [slot, value] of storage) if (value === 0n) storage.delete(slot);
  return storage;
}

/**
 * The gas of a deep scenario's transaction: each frame passes on all but 1/64 of its gas (EIP-150),
 * so frame 1024 gets about 2^38 · (63/64)^1024 ≈ 27000 gas, enough to call once more and fail on the depth
 * (2^36 runs out near frame 1020). At 2 gwei it costs 550 ether, which a rich signer has.
 */
export const DEEP_GAS = 1n << 38n;

/** The transaction's calldata (initcode for a creation). */
function txData(seed: TxSeed): Uint8Array {
  return seed.recipient.kind === "call" ? seed.data : initcodeBytes(seed.recipient.initcode);
}

/**
 * The gas limit the seed asks for, or, with a floor delta, the least a Prague transaction must
 * offer (the larger of its intrinsic gas and EIP-7623's calldata floor) plus the delta.
 */
function withGasLimit(tx: Transaction, seed: TxSeed): Transaction {
  if (seed.floorDelta === null) return tx;
  const least = [intrinsicGas(tx, SCHEDULES.Prague), calldataFloorGas(tx, SCHEDULES.Prague)].reduce((a, b) => (a > b ? a : b));
  return { ...tx, gasLimit: least + seed.floorDelta };
}

/**
 * Signs the authorization tuples in order. An authority's expected nonce starts at its pre-state
 * nonce (plus one when it also sends the transaction, whose nonce is bumped first, EIP-7702) and
 * grows with each tuple that should take effect, so later tuples of the same authority line up.
 */
function signAuthorizations(scenario: Scenario, txNonce: bigint): Authorization[] {
  const authorities = [...SIGNERS, FRESH_AUTHORITY];
  const expected = new Map<number, bigint>();
  authorities.forEach((_, i) => {
    const pre = i < SIGNERS.length ? scenario.signers[i]!.nonce : 0n;
    expected.set(i, i === scenario.tx.signer ? txNonce + 1n : pre);
  });
  return scenario.tx.authorizations.map((seed) => {
    const current = expected.get(seed.authority)!;
    // One below a nonce of 0 cannot be signed (nonces are unsigned): one above is as wrong.
    const nonce = seed.nonce ?? (current + seed.nonceOffset < 0n ? current + 1n : current + seed.nonceOffset);
    if (nonce === current && seed.signature === "valid" && seed.chainId !== "other" && seed.chainId !== "huge") expected.set(seed.authority, current + 1n);
    return signAuthorization(seed, nonce, authorities[seed.authority]!);
  });
}

function signAuthorization(seed: AuthorizationSeed, nonce: bigint, authority: Signer): Authorization {
  const chainId = { chain: CHAIN_ID, any: 0n, other: OTHER_CHAIN_ID, huge: HUGE_CHAIN_ID }[seed.chainId];
  const unsigned: Authorization = { chainId, address: seed.target, nonce, yParity: 0n, r: 0n, s: 0n };
  // "wrong-payload" signs a tuple naming another address: the authority recovered is some other account.
  const signed = seed.signature === "wrong-payload" ? { ...unsigned, address: seed.target ^ 1n } : unsigned;
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(authorizationSigningHash(signed), authority.secretKey, { prehash: false, format: "recovered" }),
    "recovered",
  );
  const yParity = BigInt(signature.recovery ?? 0);
  switch (seed.signature) {
    case "high-s":
      return { ...unsigned, r: signature.r, s: SECP256K1_N - signature.s, yParity: 1n - yParity };
    case "y-parity-2":
      return { ...unsigned, r: signature.r, s: signature.s, yParity: 2n };
    case "r-zero":
      return { ...unsigned, r: 0n, s: signature.s, yParity };
    case "valid":
    case "wrong-payload":
      return { ...unsigned, r: signature.r, s: signature.s, yParity };
  }
}

/** An unsigned transaction of the seed's type, with r = s = 0 until it is signed. */
function unsignedTransaction(scenario: Scenario, nonce: bigint): Transaction {
  const tx = withGasLimit(unpricedTransaction(scenario, nonce), scenario.tx);
  return scenario.deep === null ? tx : { ...tx, to: DEEP_CONTRACT, gasLimit: DEEP_GAS };
}

function unpricedTransaction(scenario: Scenario, nonce: bigint): Transaction {
  const seed = scenario.tx;
  const baseFee = scenario.env.baseFee;
  const common = {
    nonce,
    gasLimit: seed.gasLimit,
    to: seed.recipient.kind === "call" ? seed.recipient.address : null,
    value: seed.value,
    data: txData(seed),
    r: 0n,
    s: 0n,
  };
  const gasPrice = seed.underpriced && baseFee > 0n ? baseFee - 1n : baseFee + seed.tip;
  const maxFeePerGas = seed.underpriced && baseFee > 0n ? baseFee - 1n : baseFee + seed.tip + seed.headroom;
  const accessList = seed.accessList.map((entry) => ({ address: entry.address, storageKeys: [...entry.storageKeys] }));
  switch (seed.type) {
    case 0:
      return { ...common, type: 0, accessList: [], gasPrice, v: 0n, chainId: seed.unprotected ? null : CHAIN_ID };
    case 1:
      return { ...common, type: 1, accessList, gasPrice, chainId: CHAIN_ID, yParity: 0n };
    case 2:
      return { ...common, type: 2, accessList, maxPriorityFeePerGas: seed.tip, maxFeePerGas, chainId: CHAIN_ID, yParity: 0n };
    case 3:
      return {
        ...common,
        type: 3,
        accessList,
        maxPriorityFeePerGas: seed.tip,
        maxFeePerGas,
        maxFeePerBlobGas: seed.maxFeePerBlobGas,
        blobVersionedHashes: [...seed.blobHashes],
        chainId: CHAIN_ID,
        yParity: 0n,
      };
    case 4:
      return {
        ...common,
        type: 4,
        to: common.to ?? SET_CODE_CREATION_FALLBACK,
        accessList,
        maxPriorityFeePerGas: seed.tip,
        maxFeePerGas,
        authorizationList: signAuthorizations(scenario, nonce),
        chainId: CHAIN_ID,
        yParity: 0n,
      };
  }
}

/** Signs with the signer's key; legacy v is 27/28, or chainId·2 + 35/36 under EIP-155. */
export function signTransaction(tx: Transaction, signer: Signer): Transaction {
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(signingHash(tx), signer.secretKey, { prehash: false, format: "recovered" }),
    "recovered",
  );
  const recovery = BigInt(signature.recovery ?? 0);
  const r = signature.r;
  const s = signature.s;
  if (tx.type === 0) {
    return { ...tx, r, s, v: tx.chainId === null ? 27n + recovery : tx.chainId * 2n + 35n + recovery };
  }
  return { ...tx, r, s, yParity: recovery };
}

function blockEnv(scenario: Scenario, txGasLimit: bigint): BlockEnv {
  const schedule = SCHEDULES[scenario.fork];
  const env = scenario.env;
  const limit = env.gasLimit === "tight" ? txGasLimit - 1n : env.gasLimit;
  const gasLimit = scenario.deep === null || limit >= txGasLimit ? limit : txGasLimit;
  return {
    coinbase: env.coinbase,
    gasLimit,
    number: env.number,
    timestamp: env.timestamp,
    difficulty: schedule.prevRandaoReplacesDifficulty ? 0n : LONDON_DIFFICULTY,
    ...(schedule.prevRandaoReplacesDifficulty && { prevRandao: env.prevRandao }),
    baseFee: env.baseFee,
    ...(schedule.txTypes.includes(3) && { excessBlobGas: env.excessBlobGas }),
  };
}

export function buildScenario(scenario: Scenario, id: string): BuiltCase {
  const pre = new Map<bigint, AccountState>();
  const noStorage = new Map<bigint, bigint>();
  SIGNERS.forEach((signer, i) => {
    const seed = scenario.signers[i]!;
    const delegation = scenario.delegations[i] ?? null;
    const code = delegation === null ? new Uint8Array(0) : delegationDesignator(delegation);
    pre.set(signer.address, { nonce: seed.nonce, balance: seed.balance, code, storage: noStorage });
  });
  scenario.contracts.forEach((contract, i) => {
    const storage = contractStorage(contract.storage);
    pre.set(CONTRACT_ADDRESSES[i]!, { nonce: contract.nonce, balance: contract.balance, code: programBytes(contract.program), storage });
  });
  if (scenario.deep !== null) pre.set(DEEP_CONTRACT, { nonce: 1n, balance: 0n, code: programBytes(scenario.deep), storage: contractStorage([]) });
  pre.set(PLAIN_ACCOUNT, { nonce: 0n, balance: scenario.plainBalance, code: new Uint8Array(0), storage: noStorage });
  const signer = SIGNERS[scenario.tx.signer]!;
  const nonce = scenario.signers[scenario.tx.signer]!.nonce + scenario.tx.nonceOffset;
  const transaction = signTransaction(unsignedTransaction(scenario, nonce), signer);
  return {
    testCase: { id, fork: scenario.fork, env: blockEnv(scenario, transaction.gasLimit), pre, txBytes: encodeTransaction(transaction) },
    transaction,
    signer,
  };
}

