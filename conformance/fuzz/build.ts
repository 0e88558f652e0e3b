/**
 * Scenario → StateTestCase: installs the generated accounts, prices and signs the transaction
 * with the signer's fixed key, and lays out the block environment for the fork.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { encodeTransaction } from "../../spec/transaction/encode.js";
import { signingHash } from "../../spec/transaction/signing-hash.js";
import type { Transaction } from "../../spec/transaction/types.js";
import type { AccountState, BlockEnv, StateTestCase } from "../implementation.js";
import { initcodeBytes, programBytes } from "./program.js";
import type { Scenario, TxSeed } from "./scenario.js";
import { CONTRACT_ADDRESSES, PLAIN_ACCOUNT, SIGNERS, type Signer } from "./world.js";

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

/** An unsigned transaction of the seed's type, with r = s = 0 until it is signed. */
function unsignedTransaction(seed: TxSeed, nonce: bigint, baseFee: bigint): Transaction {
  const common = {
    nonce,
    gasLimit: seed.gasLimit,
    to: seed.recipient.kind === "call" ? seed.recipient.address : null,
    value: seed.value,
    data: seed.recipient.kind === "call" ? seed.data : initcodeBytes(seed.recipient.initcode),
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

function blockEnv(scenario: Scenario): BlockEnv {
  const schedule = SCHEDULES[scenario.fork];
  const env = scenario.env;
  const gasLimit = env.gasLimit === "tight" ? scenario.tx.gasLimit - 1n : env.gasLimit;
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
    pre.set(signer.address, { nonce: seed.nonce, balance: seed.balance, code: new Uint8Array(0), storage: noStorage });
  });
  scenario.contracts.forEach((contract, i) => {
    const storage = new Map(contract.storage.filter(([, value]) => value !== 0n));
    pre.set(CONTRACT_ADDRESSES[i]!, { nonce: contract.nonce, balance: contract.balance, code: programBytes(contract.program), storage });
  });
  pre.set(PLAIN_ACCOUNT, { nonce: 0n, balance: scenario.plainBalance, code: new Uint8Array(0), storage: noStorage });
  const signer = SIGNERS[scenario.tx.signer]!;
  const nonce = scenario.signers[scenario.tx.signer]!.nonce + scenario.tx.nonceOffset;
  const transaction = signTransaction(unsignedTransaction(scenario.tx, nonce, scenario.env.baseFee), signer);
  return {
    testCase: { id, fork: scenario.fork, env: blockEnv(scenario), pre, txBytes: encodeTransaction(transaction) },
    transaction,
    signer,
  };
}

