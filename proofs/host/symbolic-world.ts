/**
 * The world as the symbolic engine sees it: accounts, code, nonces and balances are concrete (taken
 * from the concrete state after deployment and setUp); storage values and keys may be symbolic.
 * A slot read walks the writes of the path newest first: concrete keys are compared directly, and
 * a symbolic key becomes an if-then-else over the candidate writes, ending at the deployed storage.
 * Every change is journaled, so sub-calls revert exactly as in the concrete world state.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { Schedule } from "../../spec/fork/schedule.js";
import type { BlockContext } from "../../spec/machine/host.js";
import type { World } from "../../spec/machine/world.js";
import type { MutableTransaction } from "../environment.js";
import { bytesToBigInt } from "../../spec/primitives/bytes.js";
import { type Account, isEmpty } from "../../spec/state/account.js";
import type { Bv, Z3Bool } from "../z3/context.js";
import { UnsupportedSymbolic } from "../../spec/word/words.js";
import { z3Runtime } from "../z3/context.js";
import type { Z3Bytes, Z3Word } from "../domain/terms.js";

interface SymbolicAccount {
  nonce: bigint;
  balance: bigint;
  code: Uint8Array;
  /** The storage when the engine took over (after setUp). */
  readonly base: ReadonlyMap<bigint, bigint>;
  /** How a slot no write of the path covers reads: from `base`, or from a symbolic array. */
  readonly initial: (key: Z3Word) => Z3Word;
  /** Writes of this path, oldest first. */
  readonly writes: { key: Z3Word; value: Z3Word }[];
  /** Index in `writes` where the current transaction began (EIP-2200's original value). */
  transactionStart: number;
}

/** A mutable block context, so that cheatcodes can warp time and roll the block number. */
export type MutableBlock = { -readonly [K in keyof BlockContext]: BlockContext[K] };

const sameKey = (a: Z3Word, b: Z3Word): boolean =>
  typeof a === "bigint" || typeof b === "bigint" ? a === b : a.id() === b.id();

const keyName = (key: Z3Word): string => (typeof key === "bigint" ? key.toString() : `#${key.id()}`);

function lookup(writes: readonly { key: Z3Word; value: Z3Word }[], upTo: number, base: (key: Z3Word) => Z3Word, key: Z3Word): Z3Word {
  const { ctx } = z3Runtime();
  const candidates: { key: Z3Word; value: Z3Word }[] = [];
  let found: Z3Word | undefined;
  for (let i = upTo - 1; i >= 0; i--) {
    const write = writes[i]!;
    if (sameKey(write.key, key)) {
      found = write.value;
      break;
    }
    if (typeof write.key === "bigint" && typeof key === "bigint") continue;
    candidates.push(write);
  }
  let result = found ?? base(key);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const write = candidates[i]!;
    result = ctx.If(termOf(key).eq(termOf(write.key)), termOf(write.value), termOf(result)) as Bv;
  }
  return result;
}

/** A slot of storage known concretely: the value for a concrete key, an if-then-else over the known slots for a symbolic one. */
function concreteBase(storage: ReadonlyMap<bigint, bigint>): (key: Z3Word) => Z3Word {
  return (key) => {
    if (typeof key === "bigint") return storage.get(key) ?? 0n;
    const { ctx } = z3Runtime();
    let fallback: Z3Word = 0n;
    for (const [slot, value] of storage) {
      fallback = ctx.If(key.eq(ctx.BitVec.val(slot, 256)), ctx.BitVec.val(value, 256), termOf(fallback)) as Bv;
    }
    return fallback;
  };
}

/** A read of storage the engine left symbolic: a counterexample must give the slot its model value. */
export interface SymbolicSlotRead {
  readonly address: bigint;
  readonly key: Bv;
  readonly value: Bv;
  /** The account's slots that keep their deployed values (a key equal to one reads that value instead). */
  readonly kept: ReadonlySet<bigint>;
}

/**
 * Accounts whose storage starts symbolic: every slot is an unknown of its own (one Z3 array per
 * account: distinct keys are independent unless the code makes them equal), except the slots
 * listed, which keep their deployed values.
 */
export type SymbolicStorage = ReadonlyMap<bigint, ReadonlySet<bigint>>;

function termOf(word: Z3Word): Bv {
  return typeof word === "bigint" ? z3Runtime().ctx.BitVec.val(word, 256) : word;
}

/** The session's placeholders for symbolic amounts of ether: the term one stands for, and a new one for a term. */
export interface SymbolicAmounts {
  termOf(amount: bigint): Bv | undefined;
  standIn(term: Bv): bigint;
  /** Keeps the path only where the condition holds (a balance never wraps around 2^256). */
  assume(condition: Z3Bool): void;
}

export class SymbolicWorld implements World<Z3Word, Z3Bytes> {
  private readonly journal: (() => void)[] = [];
  private readonly accounts = new Map<bigint, SymbolicAccount>();
  private transient = new Map<bigint, { key: Z3Word; value: Z3Word }[]>();
  private warmAccounts = new Set<bigint>();
  private warmSlots = new Set<string>();
  private readonly created = new Set<bigint>();
  private readonly destructed = new Set<bigint>();
  private readonly touched = new Set<bigint>();
  private refundCounter = 0n;
  /** Placeholders of symbolic amounts (see `SymbolicAmounts`). */
  private amounts: SymbolicAmounts = {
    termOf: () => undefined,
    standIn: () => {
      throw new UnsupportedSymbolic("a symbolic amount of ether outside a symbolic session");
    },
    assume: () => {},
  };

  /** Reads of the accounts whose storage is fully symbolic. */
  readonly symbolicReads: SymbolicSlotRead[] = [];

  constructor(
    accounts: ReadonlyMap<bigint, Account>,
    readonly schedule: Schedule,
    readonly block: MutableBlock,
    readonly tx: MutableTransaction,
    /** Accounts whose storage starts symbolic (any values) instead of as deployed. */
    symbolicStorage: SymbolicStorage = new Map(),
  ) {
    for (const [address, account] of accounts) {
      this.accounts.set(address, {
        nonce: account.nonce,
        balance: account.balance,
        code: account.code,
        base: new Map(account.storage),
        initial: symbolicStorage.has(address) ? this.symbolicBase(address, account.storage, symbolicStorage.get(address)!) : concreteBase(account.storage),
        writes: [],
        transactionStart: 0,
      });
    }
  }

  private symbolicBase(address: bigint, deployed: ReadonlyMap<bigint, bigint>, kept: ReadonlySet<bigint>): (key: Z3Word) => Z3Word {
    const { ctx } = z3Runtime();
    const word = ctx.BitVec.sort(256);
    const array = ctx.Array.const(`storage_${address.toString(16)}`, word, word);
    return (key) => {
      if (typeof key === "bigint" && kept.has(key)) return deployed.get(key) ?? 0n;
      const term = termOf(key);
      const value = array.select(term as never) as Bv;
      this.symbolicReads.push({ address, key: term, value, kept });
      let read: Bv = value;
      for (const slot of kept) read = ctx.If(term.eq(ctx.BitVec.val(slot, 256)), ctx.BitVec.val(deployed.get(slot) ?? 0n, 256), read) as Bv;
      return read;
    };
  }

  /**
   * A new transaction: the previous one is finalized as the spec's `WorldState.finalize` does
   * (self-destructed accounts deleted, then, from EIP-161, touched accounts left empty), and access
   * sets, transient storage and refunds start empty (EIP-2929, EIP-1153).
   */
  beginTransaction(): void {
    for (const address of this.destructed) this.accounts.delete(address);
    if (this.schedule.emptyAccountsAreDead) {
      for (const address of this.touched) if (this.isEmpty(address)) this.accounts.delete(address);
    }
    this.destructed.clear();
    this.touched.clear();
    // Logs are a transaction's (its receipt's), as with the spec's world made per transaction.
    this.emitted.splice(0);
    this.transient = new Map();
    this.warmAccounts = new Set();
    this.warmSlots = new Set();
    this.refundCounter = 0n;
    this.created.clear();
    for (const account of this.accounts.values()) account.transactionStart = account.writes.length;
  }

  checkpoint(): number {
    return this.journal.length;
  }

  revertTo(checkpoint: number): void {
    while (this.journal.length > checkpoint) this.journal.pop()!();
  }

  blockHash(): bigint {
    return 0n;
  }

  exists(address: bigint): boolean {
    return this.accounts.has(address);
  }

  /** EIP-161: no code, zero nonce and zero balance (`isEmpty` of spec/state/account.ts). */
  private isEmpty(address: bigint): boolean {
    const account = this.accounts.get(address);
    return account !== undefined && isEmpty({ ...account, storage: new Map() });
  }

  isDead(address: bigint): boolean {
    if (!this.accounts.has(address)) return true;
    return this.schedule.emptyAccountsAreDead && this.isEmpty(address);
  }

  balance(address: bigint): bigint {
    return this.accounts.get(address)?.balance ?? 0n;
  }

  nonce(address: bigint): bigint {
    return this.accounts.get(address)?.nonce ?? 0n;
  }

  code(address: bigint): Uint8Array {
    return this.accounts.get(address)?.code ?? new Uint8Array(0);
  }

  codeHash(address: bigint): bigint {
    if (!this.accounts.has(address) || this.isEmpty(address)) return 0n;
    return bytesToBigInt(keccak_256(this.code(address)));
  }

  hasCodeOrNonce(address: bigint): boolean {
    const account = this.accounts.get(address);
    return account !== undefined && (account.nonce !== 0n || account.code.length > 0 || this.hasStorage(account));
  }

  /** Whether some slot is nonzero: decided when every write is concrete, else taken to be so. */
  private hasStorage(account: SymbolicAccount): boolean {
    const slots = new Map(account.base);
    for (const { key, value } of account.writes) {
      if (typeof key !== "bigint" || typeof value !== "bigint") return true;
      slots.set(key, value);
    }
    return [...slots.values()].some((value) => value !== 0n);
  }

  private materialize(address: bigint): SymbolicAccount {
    let account = this.accounts.get(address);
    if (account === undefined) {
      account = { nonce: 0n, balance: 0n, code: new Uint8Array(0), base: new Map(), initial: () => 0n, writes: [], transactionStart: 0 };
      this.accounts.set(address, account);
      this.journal.push(() => this.accounts.delete(address));
    }
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
    account.nonce += 1n;
    this.journal.push(() => (account.nonce -= 1n));
  }

  setCode(address: bigint, code: Uint8Array): void {
    const account = this.materialize(address);
    const previous = account.code;
    account.code = code;
    this.journal.push(() => (account.code = previous));
  }

  /** Before EIP-161 a touched account comes into being even if it stays empty; after it, a touched empty account is deleted at the end of the transaction. */
  touch(address: bigint): void {
    if (!this.schedule.emptyAccountsAreDead) this.materialize(address);
    if (this.touched.has(address)) return;
    this.touched.add(address);
    this.journal.push(() => this.touched.delete(address));
  }

  /** How the session's placeholders stand for symbolic amounts, so that value moves as terms. */
  useSymbolicAmounts(amounts: SymbolicAmounts): void {
    this.amounts = amounts;
  }

  /** Every account's address. */
  addresses(): bigint[] {
    return [...this.accounts.keys()];
  }

  transfer(from: bigint, to: bigint, value: bigint): void {
    const [term, fromBalance, toBalance] = [this.amounts.termOf(value), this.amounts.termOf(this.balance(from)), this.amounts.termOf(this.balance(to))];
    if (term === undefined && fromBalance === undefined && toBalance === undefined) {
      this.setBalance(from, this.balance(from) - value);
      this.setBalance(to, this.balance(to) + value);
      this.touch(to);
      return;
    }
    // A symbolic amount or balance: the new balances are terms, each behind a placeholder. The
    // caller (the CALL and CREATE rules) has decided that `from` can pay.
    if (from === to) {
      this.materialize(to);
      this.touch(to);
      return;
    }
    const { ctx } = z3Runtime();
    const amount = term ?? ctx.BitVec.val(value, 256);
    const paid = (fromBalance ?? ctx.BitVec.val(this.balance(from), 256)).sub(amount);
    const before = toBalance ?? ctx.BitVec.val(this.balance(to), 256);
    const received = before.add(amount);
    // A real balance cannot exceed the ether in existence; revm fails a transfer that would wrap.
    this.amounts.assume(received.uge(before));
    this.setBalance(from, this.amounts.standIn(paid));
    this.setBalance(to, this.amounts.standIn(received));
    this.touch(to);
  }

  beginCreate(address: bigint): void {
    const account = this.materialize(address);
    // A new contract's storage is empty: shadow every earlier slot with the writes of a fresh account.
    const replaced = { ...account, base: new Map<bigint, bigint>(), initial: () => 0n, writes: [] as { key: Z3Word; value: Z3Word }[], transactionStart: 0 };
    this.accounts.set(address, replaced);
    this.journal.push(() => this.accounts.set(address, account));
    if (!this.created.has(address)) {
      this.created.add(address);
      this.journal.push(() => this.created.delete(address));
    }
    if (this.schedule.emptyAccountsAreDead) this.incrementNonce(address);
  }

  sload(address: bigint, key: Z3Word): Z3Word {
    const account = this.accounts.get(address);
    if (account === undefined) return 0n;
    return lookup(account.writes, account.writes.length, account.initial, key);
  }

  sstore(address: bigint, key: Z3Word, value: Z3Word): void {
    const account = this.materialize(address);
    account.writes.push({ key, value });
    this.journal.push(() => account.writes.pop());
  }

  originalStorage(address: bigint, key: Z3Word): Z3Word {
    if (this.created.has(address)) return 0n;
    const account = this.accounts.get(address);
    if (account === undefined) return 0n;
    return lookup(account.writes, account.transactionStart, account.initial, key);
  }

  tload(address: bigint, key: Z3Word): Z3Word {
    const writes = this.transient.get(address) ?? [];
    return lookup(writes, writes.length, () => 0n, key);
  }

  tstore(address: bigint, key: Z3Word, value: Z3Word): void {
    let writes = this.transient.get(address);
    if (writes === undefined) this.transient.set(address, (writes = []));
    writes.push({ key, value });
    const undo = writes;
    this.journal.push(() => undo.pop());
  }

  touchAccount(address: bigint): boolean {
    if (this.warmAccounts.has(address)) return false;
    this.warmAccounts.add(address);
    this.journal.push(() => this.warmAccounts.delete(address));
    return true;
  }

  touchSlot(address: bigint, key: Z3Word): boolean {
    const name = `${address}:${keyName(key)}`;
    if (this.warmSlots.has(name)) return false;
    this.warmSlots.add(name);
    this.journal.push(() => this.warmSlots.delete(name));
    return true;
  }

  get refund(): bigint {
    return this.refundCounter;
  }

  addRefund(amount: bigint): void {
    this.refundCounter += amount;
    this.journal.push(() => (this.refundCounter -= amount));
  }

  /** Logs kept for vm.expectEmit, undone with the state like the spec's. */
  private readonly emitted: { address: bigint; topics: readonly Z3Word[]; data: Z3Bytes }[] = [];

  log(address: bigint, topics: readonly Z3Word[], data: Z3Bytes): void {
    this.emitted.push({ address, topics, data });
    this.journal.push(() => this.emitted.pop());
  }

  get logs(): readonly { readonly address: bigint; readonly topics: readonly Z3Word[]; readonly data: Z3Bytes }[] {
    return this.emitted;
  }

  isScheduledForDeletion(address: bigint): boolean {
    return this.destructed.has(address);
  }

  selfdestruct(address: bigint, beneficiary: bigint): void {
    const balance = this.balance(address);
    if (this.schedule.selfdestructOnlyInCreatingTx && !this.created.has(address)) {
      // EIP-6780: an older contract only sends its balance away.
      this.transfer(address, beneficiary, balance);
      return;
    }
    // The balance goes to the beneficiary (through `transfer`, which moves a symbolic balance as a
    // term and touches the beneficiary) and the account is emptied: one that names itself burns it.
    if (beneficiary === address) this.touch(beneficiary);
    else this.transfer(address, beneficiary, balance);
    this.setBalance(address, 0n);
    if (!this.destructed.has(address)) {
      this.destructed.add(address);
      this.journal.push(() => this.destructed.delete(address));
    }
  }

  /** The storage writes of the path to one account (for counterexamples). */
  storageWrites(address: bigint): readonly { key: Z3Word; value: Z3Word }[] {
    return this.accounts.get(address)?.writes ?? [];
  }
}
