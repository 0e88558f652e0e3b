/**
 * The journaled world of a transaction over any word domain (Yellow Paper 6 and 8): the accounts'
 * nonces, balances and code, and the substate A — touched, created and self-destructed accounts,
 * refunds, logs, and from EIP-2929 the accessed addresses and slots. Every change records how to
 * undo itself; a checkpoint is the journal's length.
 *
 * How storage is kept is the one thing a domain decides (concretely a map per account, in
 * `world-state.ts`; symbolically a journal of writes whose keys may be terms, in proofs/), so the
 * storage operations are abstract here and everything else is written once.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../primitives/bytes.js";
import type { Schedule } from "../fork/schedule.js";
import type { BlockContext, TransactionContext } from "../machine/host.js";
import type { World } from "../machine/world.js";
import { type AccountFields, isEmpty } from "./account.js";

/** A log entry: the emitting account, its topics and its data. */
export interface Log<W = bigint, B = Uint8Array> {
  readonly address: bigint;
  readonly topics: readonly W[];
  readonly data: B;
}

export abstract class JournaledWorld<W, B, A extends AccountFields> implements World<W, B> {
  protected readonly journal: (() => void)[] = [];
  private readonly warmAccounts = new Set<bigint>();
  private readonly warmSlots = new Map<bigint, Set<bigint | string>>();
  private readonly touched = new Set<bigint>();
  protected readonly created = new Set<bigint>();
  private readonly destructed = new Set<bigint>();
  private readonly emitted: Log<W, B>[] = [];
  private refundCounter = 0n;

  constructor(
    readonly accounts: Map<bigint, A>,
    readonly schedule: Schedule,
    readonly block: BlockContext,
    readonly tx: TransactionContext,
  ) {}

  // --- What a domain decides: storage ---

  /** A new account with empty storage. */
  protected abstract emptyAccount(): A;
  /** Whether some slot of the account is nonzero (EIP-7610's storage check, with code and nonce). */
  protected abstract hasStorage(account: A): boolean;
  /** Empties the account's storage for a contract being created, and journals how to undo it. */
  protected abstract clearStorage(account: A): void;
  /** The name of a slot key in the access set of EIP-2929 (equal keys, equal names). */
  protected abstract slotName(key: W): bigint | string;

  abstract blockHash(number: bigint): bigint;
  abstract sload(address: bigint, key: W): W;
  abstract sstore(address: bigint, key: W, value: W): void;
  abstract originalStorage(address: bigint, key: W): W;
  abstract tload(address: bigint, key: W): W;
  abstract tstore(address: bigint, key: W, value: W): void;

  // --- Journal ---

  checkpoint(): number {
    return this.journal.length;
  }

  revertTo(checkpoint: number): void {
    while (this.journal.length > checkpoint) this.journal.pop()!();
  }

  // --- Reading accounts ---

  protected get(address: bigint): A | undefined {
    return this.accounts.get(address);
  }

  exists(address: bigint): boolean {
    return this.accounts.has(address);
  }

  isDead(address: bigint): boolean {
    const account = this.get(address);
    if (account === undefined) return true;
    return this.schedule.emptyAccountsAreDead && isEmpty(account);
  }

  balance(address: bigint): bigint {
    return this.get(address)?.balance ?? 0n;
  }

  nonce(address: bigint): bigint {
    return this.get(address)?.nonce ?? 0n;
  }

  code(address: bigint): Uint8Array {
    return this.get(address)?.code ?? new Uint8Array(0);
  }

  codeHash(address: bigint): bigint {
    const account = this.get(address);
    if (account === undefined || isEmpty(account)) return 0n;
    return bytesToBigInt(keccak_256(account.code));
  }

  hasCodeOrNonce(address: bigint): boolean {
    const account = this.get(address);
    return account !== undefined && (account.nonce !== 0n || account.code.length > 0 || this.hasStorage(account));
  }

  // --- Changing accounts (each change journaled) ---

  /** The account, created empty (and journaled) if absent. */
  protected materialize(address: bigint): A {
    const existing = this.get(address);
    if (existing !== undefined) return existing;
    const account = this.emptyAccount();
    this.accounts.set(address, account);
    this.journal.push(() => this.accounts.delete(address));
    return account;
  }

  setBalance(address: bigint, balance: bigint): void {
    const account = this.materialize(address);
    const previous = account.balance;
    account.balance = balance;
    this.journal.push(() => (account.balance = previous));
  }

  incrementNonce(address: bigint): void {
    const account = this.materialize(address);
    const previous = account.nonce;
    account.nonce = previous + 1n;
    this.journal.push(() => (account.nonce = previous));
  }

  setCode(address: bigint, code: Uint8Array): void {
    const account = this.materialize(address);
    const previous = account.code;
    account.code = code;
    this.journal.push(() => (account.code = previous));
  }

  /** Before EIP-161 a touched account comes into being even if it stays empty. */
  touch(address: bigint): void {
    if (!this.schedule.emptyAccountsAreDead) this.materialize(address);
    if (this.touched.has(address)) return;
    this.touched.add(address);
    this.journal.push(() => this.touched.delete(address));
  }

  transfer(from: bigint, to: bigint, value: bigint): void {
    this.setBalance(from, this.balance(from) - value);
    this.setBalance(to, this.balance(to) + value);
    this.touch(to);
  }

  beginCreate(address: bigint): void {
    this.clearStorage(this.materialize(address));
    if (!this.created.has(address)) {
      this.created.add(address);
      this.journal.push(() => this.created.delete(address));
    }
    if (this.schedule.emptyAccountsAreDead) this.incrementNonce(address);
  }

  // --- Access sets (EIP-2929) ---

  touchAccount(address: bigint): boolean {
    if (this.warmAccounts.has(address)) return false;
    this.warmAccounts.add(address);
    this.journal.push(() => this.warmAccounts.delete(address));
    return true;
  }

  touchSlot(address: bigint, key: W): boolean {
    let slots = this.warmSlots.get(address);
    if (slots === undefined) this.warmSlots.set(address, (slots = new Set()));
    const name = this.slotName(key);
    if (slots.has(name)) return false;
    slots.add(name);
    const undo = slots;
    this.journal.push(() => undo.delete(name));
    return true;
  }

  // --- Substate: refunds, logs, self-destructs ---

  get refund(): bigint {
    return this.refundCounter;
  }

  addRefund(amount: bigint): void {
    this.refundCounter += amount;
    this.journal.push(() => (this.refundCounter -= amount));
  }

  log(address: bigint, topics: readonly W[], data: B): void {
    this.emitted.push({ address, topics, data });
    this.journal.push(() => this.emitted.pop());
  }

  get logs(): readonly Log<W, B>[] {
    return this.emitted;
  }

  isScheduledForDeletion(address: bigint): boolean {
    return this.destructed.has(address);
  }

  selfdestruct(address: bigint, beneficiary: bigint): void {
    const balance = this.balance(address);
    const deletes = !this.schedule.selfdestructOnlyInCreatingTx || this.created.has(address);
    if (!deletes) {
      // EIP-6780: an older contract only sends its balance away.
      this.transfer(address, beneficiary, balance);
      return;
    }
    // The balance goes to the beneficiary and the account is emptied: a contract that names
    // itself as beneficiary burns its balance.
    if (beneficiary === address) this.touch(beneficiary);
    else this.transfer(address, beneficiary, balance);
    this.setBalance(address, 0n);
    if (!this.destructed.has(address)) {
      this.destructed.add(address);
      this.journal.push(() => this.destructed.delete(address));
    }
  }

  /**
   * The end of the transaction: self-destructed accounts are deleted, then (EIP-161) every touched
   * account that is empty. Not journaled: nothing reverts past this point.
   */
  finalize(): void {
    for (const address of this.destructed) this.accounts.delete(address);
    if (!this.schedule.emptyAccountsAreDead) return;
    for (const address of this.touched) {
      const account = this.get(address);
      if (account !== undefined && isEmpty(account)) this.accounts.delete(address);
    }
  }

  /**
   * For a world that runs several transactions in turn: finalizes the last one and starts the
   * substate afresh (access sets, refunds, logs, touched, created and destructed accounts), as a
   * new world over the finalized accounts would.
   */
  protected nextTransaction(): void {
    this.finalize();
    this.touched.clear();
    this.created.clear();
    this.destructed.clear();
    this.warmAccounts.clear();
    this.warmSlots.clear();
    this.emitted.splice(0);
    this.refundCounter = 0n;
  }
}
