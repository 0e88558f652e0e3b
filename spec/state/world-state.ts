/**
 * The concrete world state σ of one transaction, with a journal so that any frame's changes can be
 * undone (Yellow Paper 6 and 8: the substate A — self-destructs, logs, touched accounts, refunds,
 * and from EIP-2929 the accessed addresses and slots — is journaled alongside the accounts).
 *
 * Every change records how to undo itself; a checkpoint is the journal's length.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../primitives/bytes.js";
import type { Schedule } from "../fork/schedule.js";
import type { BlockContext, TransactionContext } from "../machine/host.js";
import type { World } from "../machine/world.js";
import { type Account, emptyAccount, isEmpty } from "./account.js";

/** A log entry: the emitting account, its topics and its data. */
export interface Log {
  readonly address: bigint;
  readonly topics: readonly bigint[];
  readonly data: Uint8Array;
}

export class WorldState implements World<bigint, Uint8Array> {
  private readonly journal: (() => void)[] = [];
  /** Storage values as they were when the transaction started, recorded on first write. */
  private readonly originals = new Map<bigint, Map<bigint, bigint>>();
  private readonly transient = new Map<bigint, Map<bigint, bigint>>();
  private readonly warmAccounts = new Set<bigint>();
  private readonly warmSlots = new Map<bigint, Set<bigint>>();
  private readonly touched = new Set<bigint>();
  private readonly created = new Set<bigint>();
  private readonly destructed = new Set<bigint>();
  private readonly emitted: Log[] = [];
  private refundCounter = 0n;

  constructor(
    readonly accounts: Map<bigint, Account>,
    readonly schedule: Schedule,
    readonly block: BlockContext,
    readonly tx: TransactionContext,
    private readonly hashOfBlock: (number: bigint) => bigint,
  ) {}

  // --- Journal ---

  checkpoint(): number {
    return this.journal.length;
  }

  revertTo(checkpoint: number): void {
    while (this.journal.length > checkpoint) this.journal.pop()!();
  }

  // --- Reading accounts ---

  private get(address: bigint): Account | undefined {
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

  blockHash(number: bigint): bigint {
    return this.hashOfBlock(number);
  }

  hasCodeOrNonce(address: bigint): boolean {
    const account = this.get(address);
    return account !== undefined && (account.nonce !== 0n || account.code.length > 0 || account.storage.size > 0);
  }

  // --- Changing accounts (each change journaled) ---

  /** The account, created empty (and journaled) if absent. */
  private materialize(address: bigint): Account {
    const existing = this.get(address);
    if (existing !== undefined) return existing;
    const account = emptyAccount();
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
    const account = this.materialize(address);
    const storage = new Map(account.storage);
    account.storage.clear();
    this.journal.push(() => {
      for (const [key, value] of storage) account.storage.set(key, value);
    });
    if (!this.created.has(address)) {
      this.created.add(address);
      this.journal.push(() => this.created.delete(address));
    }
    if (this.schedule.emptyAccountsAreDead) this.incrementNonce(address);
  }

  // --- Storage ---

  sload(address: bigint, key: bigint): bigint {
    return this.get(address)?.storage.get(key) ?? 0n;
  }

  sstore(address: bigint, key: bigint, value: bigint): void {
    const account = this.materialize(address);
    const previous = account.storage.get(key) ?? 0n;
    let originals = this.originals.get(address);
    if (originals === undefined) this.originals.set(address, (originals = new Map()));
    if (!originals.has(key)) originals.set(key, previous);
    if (value === 0n) account.storage.delete(key);
    else account.storage.set(key, value);
    this.journal.push(() => {
      if (previous === 0n) account.storage.delete(key);
      else account.storage.set(key, previous);
    });
  }

  originalStorage(address: bigint, key: bigint): bigint {
    // A contract created in this transaction had no storage when the transaction started.
    if (this.created.has(address)) return 0n;
    const recorded = this.originals.get(address);
    if (recorded !== undefined && recorded.has(key)) return recorded.get(key)!;
    return this.sload(address, key);
  }

  tload(address: bigint, key: bigint): bigint {
    return this.transient.get(address)?.get(key) ?? 0n;
  }

  tstore(address: bigint, key: bigint, value: bigint): void {
    let slots = this.transient.get(address);
    if (slots === undefined) this.transient.set(address, (slots = new Map()));
    const previous = slots.get(key) ?? 0n;
    slots.set(key, value);
    const undo = slots;
    this.journal.push(() => undo.set(key, previous));
  }

  // --- Access sets (EIP-2929) ---

  touchAccount(address: bigint): boolean {
    if (this.warmAccounts.has(address)) return false;
    this.warmAccounts.add(address);
    this.journal.push(() => this.warmAccounts.delete(address));
    return true;
  }

  touchSlot(address: bigint, key: bigint): boolean {
    let slots = this.warmSlots.get(address);
    if (slots === undefined) this.warmSlots.set(address, (slots = new Set()));
    if (slots.has(key)) return false;
    slots.add(key);
    const undo = slots;
    this.journal.push(() => undo.delete(key));
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

  log(address: bigint, topics: readonly bigint[], data: Uint8Array): void {
    this.emitted.push({ address, topics, data });
    this.journal.push(() => this.emitted.pop());
  }

  get logs(): readonly Log[] {
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
    this.setBalance(beneficiary, this.balance(beneficiary) + balance);
    this.touch(beneficiary);
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
}
