/**
 * The t8n tool's output documents in go-ethereum's JSON shapes (cmd/evm/internal/t8ntool's
 * ExecutionResult and its alloc dump): quantities as minimal 0x-hex, hashes as 0x + 64 digits,
 * an account's zero nonce, empty code and empty storage left out, as geth leaves them out.
 */
import { bigIntToBytes, bytesToHex } from "../../spec/primitives/bytes.js";
import type { Log } from "../../spec/state/world-state.js";
import { quantityHex } from "../trace/eip3155.js";
import type { T8nEnv } from "./inputs.js";
import { logsBloom } from "./receipts.js";
import type { IncludedTransaction, TransitionResult } from "./transition.js";

const ZERO_HASH = bytesToHex(new Uint8Array(32));
const word = (value: bigint) => bytesToHex(bigIntToBytes(value, 32));
const address = (value: bigint) => bytesToHex(bigIntToBytes(value, 20));

function logJson(log: Log, tx: IncludedTransaction, logIndex: number, blockNumber: bigint) {
  return {
    address: address(log.address),
    topics: log.topics.map(word),
    data: bytesToHex(log.data),
    blockNumber: quantityHex(blockNumber),
    transactionHash: bytesToHex(tx.hash),
    transactionIndex: quantityHex(BigInt(tx.index)),
    blockHash: ZERO_HASH,
    logIndex: quantityHex(BigInt(logIndex)),
    removed: false,
  };
}

function receiptsJson(result: TransitionResult, env: T8nEnv) {
  let logIndex = 0;
  return result.included.map((tx, position) => ({
    type: quantityHex(BigInt(tx.receipt.type)),
    root: "0x",
    status: quantityHex(tx.receipt.success ? 1n : 0n),
    cumulativeGasUsed: quantityHex(tx.receipt.cumulativeGasUsed),
    logsBloom: bytesToHex(logsBloom(tx.receipt.logs)),
    logs: tx.receipt.logs.length === 0 ? null : tx.receipt.logs.map((log) => logJson(log, tx, logIndex++, env.number)),
    transactionHash: bytesToHex(tx.hash),
    contractAddress: address(tx.contractAddress ?? 0n),
    gasUsed: quantityHex(tx.gasUsed),
    blockHash: ZERO_HASH,
    transactionIndex: quantityHex(BigInt(position)),
  }));
}

export function t8nOutputs(result: TransitionResult, env: T8nEnv) {
  const alloc: Record<string, Record<string, unknown>> = {};
  for (const [at, account] of [...result.accounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const storage = Object.fromEntries([...account.storage].filter(([, v]) => v !== 0n).map(([slot, value]) => [word(slot), word(value)]));
    alloc[address(at)] = {
      ...(account.code.length > 0 && { code: bytesToHex(account.code) }),
      ...(Object.keys(storage).length > 0 && { storage }),
      balance: quantityHex(account.balance),
      ...(account.nonce !== 0n && { nonce: quantityHex(account.nonce) }),
    };
  }
  return {
    result: {
      stateRoot: bytesToHex(result.stateRoot),
      txRoot: bytesToHex(result.txRoot),
      receiptsRoot: bytesToHex(result.receiptsRoot),
      logsHash: bytesToHex(result.logsHash),
      logsBloom: bytesToHex(result.logsBloom),
      receipts: receiptsJson(result, env),
      rejected: result.rejected.length === 0 ? undefined : result.rejected,
      currentDifficulty: env.difficulty === undefined || env.random !== undefined ? null : quantityHex(env.difficulty),
      gasUsed: quantityHex(result.gasUsed),
      ...(env.baseFee !== undefined && { currentBaseFee: quantityHex(env.baseFee) }),
      ...(result.withdrawalsRoot !== undefined && { withdrawalsRoot: bytesToHex(result.withdrawalsRoot) }),
      ...(env.excessBlobGas !== undefined && { currentExcessBlobGas: quantityHex(env.excessBlobGas), blobGasUsed: quantityHex(result.blobGasUsed) }),
    },
    alloc,
    body: bytesToHex(result.body),
  };
}
