/**
 * What a running frame may ask of the world outside it: accounts, storage, the block and the
 * transaction. The concrete host (`../state/host.ts`) answers from the journaled world state; the
 * symbolic host in proofs/ answers with Z3 terms. Rules see only this interface.
 */
import type { Schedule } from "../fork/schedule.js";

export interface BlockContext {
  readonly coinbase: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  readonly difficulty: bigint;
  readonly prevRandao: bigint;
  readonly baseFee: bigint;
  readonly blobBaseFee: bigint;
  readonly chainId: bigint;
}

export interface TransactionContext {
  readonly origin: bigint;
  /** The effective gas price the sender pays per gas. */
  readonly gasPrice: bigint;
  readonly blobHashes: readonly bigint[];
}

export interface Host<W, B> {
  readonly schedule: Schedule;
  readonly block: BlockContext;
  readonly tx: TransactionContext;
  /** BLOCKHASH of an earlier block in the last 256, or 0. */
  blockHash(number: bigint): bigint;

  balance(address: bigint): bigint;
  nonce(address: bigint): bigint;
  code(address: bigint): Uint8Array;
  /** keccak256 of the code, or 0 for an account that does not exist or is empty (EIP-1052, EIP-161). */
  codeHash(address: bigint): bigint;
  /** The account exists (Yellow Paper's ¬DEAD before EIP-161 is about existence). */
  exists(address: bigint): boolean;
  /** The account is dead: absent, or empty (no code, zero nonce and balance) once EIP-161 applies. */
  isDead(address: bigint): boolean;

  sload(address: bigint, key: W): W;
  sstore(address: bigint, key: W, value: W): void;
  /** The slot's value at the start of the transaction (EIP-1283/2200 net metering). */
  originalStorage(address: bigint, key: W): W;
  tload(address: bigint, key: W): W;
  tstore(address: bigint, key: W, value: W): void;

  /** Marks the account warm; true if it was cold (EIP-2929). */
  touchAccount(address: bigint): boolean;
  /** Marks the slot warm; true if it was cold (EIP-2929). */
  touchSlot(address: bigint, key: W): boolean;

  incrementNonce(address: bigint): void;

  /** The transaction's refund counter so far. */
  readonly refund: bigint;
  /** Adds to (or, for a negative amount, takes from) the transaction's refund counter. */
  addRefund(amount: bigint): void;
  log(address: bigint, topics: readonly W[], data: B): void;
  /** The account is already scheduled for deletion at the end of the transaction. */
  isScheduledForDeletion(address: bigint): boolean;
  /**
   * Moves the whole balance to the beneficiary and schedules the account's deletion; from EIP-6780
   * on, only an account created in this transaction is deleted (and its balance burnt if it is
   * its own beneficiary).
   */
  selfdestruct(address: bigint, beneficiary: bigint): void;
}
