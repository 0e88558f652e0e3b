/**
 * The world state of one transaction, with a journal so that any call frame's changes can be
 * undone (Yellow Paper §6.1 "substate", §8 reverting on exceptional halts).
 *
 * Beyond accounts it tracks the transaction-scoped sets that revert with a frame: warm addresses
 * and slots (EIP-2929), transient storage (EIP-1153), touched accounts (EIP-161), accounts created
 * in this transaction (EIP-6780), accounts scheduled for SELFDESTRUCT, logs and the refund counter.
 */
import type { PreState } from "../../interface/implementation.js";
import { EMPTY_BYTES } from "./bytes.js";
import { KECCAK_EMPTY, keccak256 } from "./keccak.js";

export class Account {
  private hash: Uint8Array | null;
  constructor(
    public nonce: bigint,
    public balance: bigint,
    private codeBytes: Uint8Array,
    public storage: Map<bigint, bigint>,
  ) {
    this.hash = codeBytes.length === 0 ? KECCAK_EMPTY : null;
  }

  get code(): Uint8Array {
    return this.codeBytes;
  }

  set code(code: Uint8Array) {
    this.codeBytes = code;
    this.hash = code.length === 0 ? KECCAK_EMPTY : null;
  }

  /** keccak256 of the code, computed once. */
  get codeHash(): Uint8Array {
    if (this.hash === null) this.hash = keccak256(this.codeBytes);
    return this.hash;
  }

  /** EIP-161: no code, zero nonce, zero balance. */
  isEmpty(): boolean {
    return this.nonce === 0n && this.balance === 0n && this.codeBytes.length === 0;
  }
}

export interface Log {
  readonly address: bigint;
  readonly topics: readonly bigint[];
  readonly data: Uint8Array;
}

type Undo = () => void;

/** EIP-2681: an account nonce never reaches 2^64 - 1. */
export const MAX_NONCE = (1n << 64n) - 1n;

const RIPEMD160_ADDRESS = 3n;

export class WorldState {
  readonly accounts = new Map<bigint, Account>();
  /** Slot values as the transaction began (EIP-2200 "original value"). */
  private readonly original = new Map<bigint, ReadonlyMap<bigint, bigint>>();
  private readonly journal: Undo[] = [];
  private readonly warmAddresses = new Set<bigint>();
  private readonly warmSlots = new Map<bigint, Set<bigint>>();
  private readonly transient = new Map<bigint, Map<bigint, bigint>>();
  readonly touched = new Set<bigint>();
  /** Touches that survive a revert (only the RIPEMD160 precompile's, see touch). */
  readonly touchedDespiteRevert = new Set<bigint>();
  readonly createdInTx = new Set<bigint>();
  readonly selfdestructed = new Set<bigint>();
  readonly logs: Log[] = [];
  refund = 0;

  constructor(pre: PreState) {
    for (const [address, a] of pre) {
      this.accounts.set(address, new Account(a.nonce, a.balance, a.code, new Map(a.storage)));
      this.original.set(address, a.storage);
    }
  }

  checkpoint(): number {
    return this.journal.length;
  }

  /** Undoes every change made since `checkpoint`, newest first. */
  revert(checkpoint: number): void {
    const journal = this.journal;
    while (journal.length > checkpoint) journal.pop()!();
  }

  get(address: bigint): Account | undefined {
    return this.accounts.get(address);
  }

  exists(address: bigint): boolean {
    return this.accounts.has(address);
  }

  /** EIP-161 "dead": absent or empty. */
  isDead(address: bigint): boolean {
    const account = this.accounts.get(address);
    return account === undefined || account.isEmpty();
  }

  balanceOf(address: bigint): bigint {
    return this.accounts.get(address)?.balance ?? 0n;
  }

  codeOf(address: bigint): Uint8Array {
    return this.accounts.get(address)?.code ?? EMPTY_BYTES;
  }

  /** The account at `address`, created empty (and journaled) if absent. */
  getOrCreate(address: bigint): Account {
    let account = this.accounts.get(address);
    if (account === undefined) {
      account = new Account(0n, 0n, EMPTY_BYTES, new Map());
      this.accounts.set(address, account);
      this.journal.push(() => this.accounts.delete(address));
    }
    return account;
  }

  /**
   * Makes a fresh contract account at `address` for CREATE/CREATE2, keeping any balance already
   * there (Yellow Paper §7: a pre-funded address keeps its ether).
   */
  createContractAccount(address: bigint, nonce: bigint): void {
    const previous = this.accounts.get(address);
    const account = new Account(nonce, previous?.balance ?? 0n, EMPTY_BYTES, new Map());
    this.accounts.set(address, account);
    this.journal.push(() => {
      if (previous === undefined) this.accounts.delete(address);
      else this.accounts.set(address, previous);
    });
    this.markCreated(address);
  }

  private markCreated(address: bigint): void {
    if (this.createdInTx.has(address)) return;
    this.createdInTx.add(address);
    this.journal.push(() => this.createdInTx.delete(address));
  }

  setBalance(address: bigint, balance: bigint): void {
    const account = this.getOrCreate(address);
    const before = account.balance;
    account.balance = balance;
    this.journal.push(() => (account.balance = before));
  }

  setNonce(address: bigint, nonce: bigint): void {
    const account = this.getOrCreate(address);
    const before = account.nonce;
    account.nonce = nonce;
    this.journal.push(() => (account.nonce = before));
  }

  setCode(address: bigint, code: Uint8Array): void {
    const account = this.getOrCreate(address);
    const before = account.code;
    account.code = code;
    this.journal.push(() => (account.code = before));
  }

  /**
   * EIP-161: marks the account as touched, so it is deleted at the end if empty. A touch of
   * 0x03 (RIPEMD160) is never reverted: mainnet block 2675119 cleared that empty account although
   * the touching call ran out of gas, and every client since keeps this exception.
   */
  touch(address: bigint): void {
    if (address === RIPEMD160_ADDRESS) this.touchedDespiteRevert.add(address);
    if (this.touched.has(address)) return;
    this.touched.add(address);
    this.journal.push(() => this.touched.delete(address));
  }

  /** Moves `value` wei; the caller has checked the balance. Both sides are touched. */
  transfer(from: bigint, to: bigint, value: bigint): void {
    if (value !== 0n) {
      this.setBalance(from, this.balanceOf(from) - value);
      this.setBalance(to, this.balanceOf(to) + value);
    } else {
      this.getOrCreate(to);
    }
    this.touch(from);
    this.touch(to);
  }

  getStorage(address: bigint, slot: bigint): bigint {
    return this.accounts.get(address)?.storage.get(slot) ?? 0n;
  }

  originalStorage(address: bigint, slot: bigint): bigint {
    if (this.createdInTx.has(address)) return 0n;
    return this.original.get(address)?.get(slot) ?? 0n;
  }

  setStorage(address: bigint, slot: bigint, value: bigint): void {
    const storage = this.getOrCreate(address).storage;
    const before = storage.get(slot);
    if (value === 0n) storage.delete(slot);
    else storage.set(slot, value);
    this.journal.push(() => {
      if (before === undefined) storage.delete(slot);
      else storage.set(slot, before);
    });
  }

  getTransient(address: bigint, slot: bigint): bigint {
    return this.transient.get(address)?.get(slot) ?? 0n;
  }

  setTransient(address: bigint, slot: bigint, value: bigint): void {
    let slots = this.transient.get(address);
    if (slots === undefined) {
      slots = new Map();
      this.transient.set(address, slots);
    }
    const map = slots;
    const before = map.get(slot);
    map.set(slot, value);
    this.journal.push(() => {
      if (before === undefined) map.delete(slot);
      else map.set(slot, before);
    });
  }

  /** EIP-2929: marks the address warm; returns whether it already was. */
  warmAddress(address: bigint): boolean {
    if (this.warmAddresses.has(address)) return true;
    this.warmAddresses.add(address);
    this.journal.push(() => this.warmAddresses.delete(address));
    return false;
  }

  /** EIP-2929: marks the slot warm; returns whether it already was. */
  warmSlot(address: bigint, slot: bigint): boolean {
    let slots = this.warmSlots.get(address);
    if (slots === undefined) {
      slots = new Set();
      this.warmSlots.set(address, slots);
    }
    if (slots.has(slot)) return true;
    const set = slots;
    set.add(slot);
    this.journal.push(() => set.delete(slot));
    return false;
  }

  addLog(log: Log): void {
    this.logs.push(log);
    this.journal.push(() => this.logs.pop());
  }

  addRefund(delta: number): void {
    this.refund += delta;
    this.journal.push(() => (this.refund -= delta));
  }

  /** Schedules the account for deletion at the end of the transaction. */
  markSelfdestructed(address: bigint): void {
    if (this.selfdestructed.has(address)) return;
    this.selfdestructed.add(address);
    this.journal.push(() => this.selfdestructed.delete(address));
  }

  /** Removes an account outright (end-of-transaction cleanup; not journaled). */
  deleteAccount(address: bigint): void {
    this.accounts.delete(address);
  }
}
