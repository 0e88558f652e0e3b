/**
 * Applying one transaction to the world state (Yellow Paper 6; execution-specs' process_transaction):
 * validate it against the state and the block, buy its gas, run its message, refund what is left
 * and pay the block's coinbase, then delete what the transaction destroyed.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { Schedule } from "../fork/schedule.js";
import { executeMessage, type StepObserver } from "../machine/execute.js";
import type { FrameResult, Message } from "../machine/frame.js";
import { ConcreteMemory } from "../machine/memory.js";
import { createAddress } from "../machine/rules/system.js";
import { bigIntToBytes, bytesToBigInt } from "../primitives/bytes.js";
import { rlpEncode } from "../primitives/rlp.js";
import { concreteWords } from "../word/concrete.js";
import { delegatedAddress, isDelegationDesignator } from "../machine/delegation.js";
import { calldataFloorGas, decodeTransaction, intrinsicGas, recoverSender, TransactionError, validateStatic } from "../transaction/index.js";
import type { Transaction } from "../transaction/index.js";
import type { Account } from "../state/account.js";
import { type Log, WorldState } from "../state/world-state.js";
import { applyAuthorizations } from "./authorizations.js";
import { blobBaseFee } from "./blob-fee.js";
import type { BlockEnvironment } from "./block-env.js";

export type TransactionOutcome =
  | {
      readonly kind: "executed";
      readonly gasUsed: bigint;
      readonly result: FrameResult<Uint8Array>;
      readonly logs: readonly Log[];
    }
  | { readonly kind: "rejected"; readonly error: TransactionError };

/**
 * Applies the signed transaction to `accounts` (changed in place on success; untouched when the
 * transaction is rejected).
 */
export function applyTransaction(
  accounts: Map<bigint, Account>,
  txBytes: Uint8Array,
  block: BlockEnvironment,
  schedule: Schedule,
  observer?: StepObserver<bigint, Uint8Array>,
): TransactionOutcome {
  let tx: Transaction;
  let sender: bigint;
  try {
    tx = decodeTransaction(txBytes);
    validateStatic(tx, schedule);
    sender = recoverSender(tx, schedule, block.chainId);
    validateAgainstState(tx, sender, accounts, block, schedule);
  } catch (error) {
    if (error instanceof TransactionError) return { kind: "rejected", error };
    throw error;
  }
  return execute(tx, sender, accounts, block, schedule, observer);
}

/** The price per gas the sender pays: the legacy gas price, or base fee plus the capped tip (EIP-1559). */
function effectiveGasPrice(tx: Transaction, baseFee: bigint): bigint {
  if (tx.type === 0 || tx.type === 1) return tx.gasPrice;
  const tip = tx.maxFeePerGas - baseFee < tx.maxPriorityFeePerGas ? tx.maxFeePerGas - baseFee : tx.maxPriorityFeePerGas;
  return baseFee + tip;
}

function blobGasUsed(tx: Transaction, schedule: Schedule): bigint {
  return tx.type === 3 ? schedule.gasPerBlob * BigInt(tx.blobVersionedHashes.length) : 0n;
}

/** The checks that need the state and the block (execution-specs' validate_transaction and check_transaction). */
function validateAgainstState(
  tx: Transaction,
  sender: bigint,
  accounts: ReadonlyMap<bigint, Account>,
  block: BlockEnvironment,
  schedule: Schedule,
): void {
  if (tx.gasLimit > block.gasLimit) {
    throw new TransactionError("GAS_ALLOWANCE_EXCEEDED", `gas limit ${tx.gasLimit} exceeds the block's ${block.gasLimit}`);
  }
  const account = accounts.get(sender);
  const nonce = account?.nonce ?? 0n;
  const balance = account?.balance ?? 0n;
  // EIP-3607: only accounts without code may send transactions; EIP-7702 admits a delegation designator.
  const delegating = schedule.codeDelegation && account !== undefined && isDelegationDesignator(account.code);
  if (account !== undefined && account.code.length > 0 && !delegating) {
    throw new TransactionError("SENDER_NOT_EOA", "the sender has code (EIP-3607)");
  }
  if (tx.nonce !== nonce) throw new TransactionError("NONCE_MISMATCH", `nonce ${tx.nonce}, account nonce ${nonce}`);
  let maxCost: bigint;
  if (tx.type === 0 || tx.type === 1) {
    if (schedule.hasBaseFee && tx.gasPrice < block.baseFee) {
      throw new TransactionError("INSUFFICIENT_MAX_FEE_PER_GAS", `gas price ${tx.gasPrice} below base fee ${block.baseFee}`);
    }
    maxCost = tx.gasLimit * tx.gasPrice;
  } else {
    if (tx.maxFeePerGas < block.baseFee) {
      throw new TransactionError("INSUFFICIENT_MAX_FEE_PER_GAS", `max fee ${tx.maxFeePerGas} below base fee ${block.baseFee}`);
    }
    maxCost = tx.gasLimit * tx.maxFeePerGas;
  }
  if (tx.type === 3) {
    const price = blobBaseFee(block.excessBlobGas, schedule);
    if (tx.maxFeePerBlobGas < price) {
      throw new TransactionError("INSUFFICIENT_MAX_FEE_PER_BLOB_GAS", `max fee per blob gas ${tx.maxFeePerBlobGas} below ${price}`);
    }
    maxCost += blobGasUsed(tx, schedule) * tx.maxFeePerBlobGas;
  }
  if (balance < maxCost + tx.value) {
    throw new TransactionError("INSUFFICIENT_ACCOUNT_FUNDS", `balance ${balance} below the maximum cost ${maxCost + tx.value}`);
  }
}

function execute(
  tx: Transaction,
  sender: bigint,
  accounts: Map<bigint, Account>,
  block: BlockEnvironment,
  schedule: Schedule,
  observer: StepObserver<bigint, Uint8Array> | undefined,
): TransactionOutcome {
  const baseFee = schedule.hasBaseFee ? block.baseFee : 0n;
  const gasPrice = effectiveGasPrice(tx, baseFee);
  const blobPrice = blobBaseFee(block.excessBlobGas, schedule);
  const world = new WorldState(
    accounts,
    schedule,
    {
      coinbase: block.coinbase,
      number: block.number,
      timestamp: block.timestamp,
      gasLimit: block.gasLimit,
      difficulty: block.difficulty,
      prevRandao: block.prevRandao,
      baseFee,
      blobBaseFee: blobPrice,
      chainId: block.chainId,
    },
    {
      origin: sender,
      gasPrice,
      blobHashes: tx.type === 3 ? tx.blobVersionedHashes.map(bytesToBigInt) : [],
    },
    block.blockHash,
  );

  // Buy the gas (and the blob gas) and use the nonce.
  const senderNonce = world.nonce(sender);
  world.setBalance(sender, world.balance(sender) - tx.gasLimit * gasPrice - blobGasUsed(tx, schedule) * blobPrice);
  world.incrementNonce(sender);

  // EIP-2929/2930/3651: what starts warm.
  world.touchAccount(sender);
  if (tx.to !== null) world.touchAccount(tx.to);
  for (const address of schedule.precompiles) world.touchAccount(address);
  for (const entry of tx.accessList) {
    world.touchAccount(entry.address);
    for (const key of entry.storageKeys) world.touchSlot(entry.address, key);
  }
  if (schedule.warmCoinbase) world.touchAccount(block.coinbase);

  // EIP-7702: authorizations take effect before the message, and stay if it fails.
  const authorizationRefund = tx.type === 4 ? applyAuthorizations(world, tx.authorizationList, block.chainId) : 0n;

  const gas = tx.gasLimit - intrinsicGas(tx, schedule);
  const target = tx.to ?? createAddress(sender, senderNonce);
  if (tx.to === null) world.touchAccount(target);
  // EIP-7702: a designator at the target runs its delegate's code; the delegate starts warm.
  const delegate = tx.to !== null && schedule.codeDelegation ? delegatedAddress(world.code(target)) : undefined;
  if (delegate !== undefined) world.touchAccount(delegate);
  const message: Message<Uint8Array> = {
    kind: tx.to === null ? "create" : "call",
    caller: sender,
    address: target,
    codeAddress: delegate ?? target,
    value: tx.value,
    transfer: tx.value,
    data: tx.to === null ? new Uint8Array(0) : tx.data,
    code: tx.to === null ? tx.data : world.code(delegate ?? target),
    gas,
    depth: 0,
    isStatic: false,
    ...(delegate !== undefined && { delegated: true }),
  };
  const { result } = executeMessage(
    { words: concreteWords, world, newMemory: () => new ConcreteMemory(), ...(observer === undefined ? {} : { observer }) },
    message,
  );

  // Refund: what is left, plus the refund counter capped at a fraction of the gas used (EIP-3529);
  // the authorizations' refund counts whether or not the message succeeded (EIP-7702).
  const gasLeft = result.kind === "halt" ? 0n : result.gasLeft;
  const usedBeforeRefund = tx.gasLimit - gasLeft;
  const counter = authorizationRefund + (result.kind === "success" ? world.refund : 0n);
  const cap = usedBeforeRefund / schedule.maxRefundQuotient;
  const refund = counter < cap ? counter : cap;
  // EIP-7623: a transaction pays at least its calldata floor.
  const floor = calldataFloorGas(tx, schedule);
  const gasUsed = usedBeforeRefund - refund > floor ? usedBeforeRefund - refund : floor;
  world.setBalance(sender, world.balance(sender) + (tx.gasLimit - gasUsed) * gasPrice);

  // The coinbase receives the priority fee; the base fee is burnt (EIP-1559).
  const coinbaseFee = gasUsed * (gasPrice - baseFee);
  if (coinbaseFee !== 0n || !schedule.emptyAccountsAreDead) {
    world.setBalance(block.coinbase, world.balance(block.coinbase) + coinbaseFee);
  }
  world.touch(block.coinbase);
  world.finalize();
  // A failed top-level frame was reverted with its logs, so what remains is what the receipt holds.
  return { kind: "executed", gasUsed, result, logs: world.logs };
}

/** keccak256(rlp([[address, [topics...], data], ...])), the `logs` of a state test. */
export function logsHash(logs: readonly Log[]): Uint8Array {
  return keccak_256(
    rlpEncode(
      logs.map((log) => [
        bigIntToBytes(log.address, 20),
        log.topics.map((topic) => bigIntToBytes(topic, 32)),
        log.data,
      ]),
    ),
  );
}

