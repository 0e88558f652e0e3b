/**
 * The world as the symbolic engine sees it: the spec's journaled world (`spec/state/journaled-world.ts`,
 * which the concrete `WorldState` is too) with storage whose values and keys may be symbolic.
 * Accounts, code and nonces are concrete (taken from the concrete state after deployment and
 * setUp), balances concrete or placeholders of symbolic amounts. A slot read walks the writes of
 * the path newest first: concrete keys are compared directly, and a symbolic key becomes an
 * if-then-else over the candidate writes, ending at the deployed (or arbitrary) storage.
 */
import type { Schedule } from "../../spec/fork/schedule.js";
import type { BlockContext } from "../../spec/machine/host.js";
import type { MutableTransaction } from "../environment.js";
import type { Account } from "../../spec/state/account.js";
import { JournaledWorld } from "../../spec/state/journaled-world.js";
import type { Bv, Z3Bool } from "../z3/context.js";
import { UnsupportedSymbolic } from "../../spec/word/words.js";
import { z3Runtime } from "../z3/context.js";
import type { Z3Bytes, Z3Word } from "../domain/terms.js";

interface SymbolicAccount {
  nonce: bigint;
  balance: bigint;
  code: Uint8Array;
  /** The storage when the engine took over (after setUp). */
  base: ReadonlyMap<bigint, bigint>;
  /** How a slot no write of the path covers reads: from `base`, or from a symbolic array. */
  initial: (key: Z3Word) => Z3Word;
  /** Writes of this path, oldest first. */
  writes: { key: Z3Word; value: Z3Word }[];
  /** Index in `writes` where the current transaction began (EIP-2200's original value). */
  transactionStart: number;
}

/** A mutable block context, so that cheatcodes can warp time and roll the block number. */
export type MutableBlock = { -readonly [K in keyof BlockContext]: BlockContext[K] };

const sameKey = (a: Z3Word, b: Z3Word): boolean =>
  typeof a === "bigint" || typeof b === "bigint" ? a === b : a.id() === b.id();

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

export class SymbolicWorld extends JournaledWorld<Z3Word, Z3Bytes, SymbolicAccount> {
  private transient = new Map<bigint, { key: Z3Word; value: Z3Word }[]>();
  /** Placeholders of symbolic amounts (see `SymbolicAmounts`). */
  private amounts: SymbolicAmounts = {
    termOf: () => undefined,
    standIn: () => {
      throw new UnsupportedSymbolic("a symbolic amount of ether outside a symbolic session");
    },
    assume: () => {},
  };

  /** Reads of the accounts whose storage is symbolic. */
  readonly symbolicReads: SymbolicSlotRead[] = [];

  constructor(
    accounts: ReadonlyMap<bigint, Account>,
    schedule: Schedule,
    override readonly block: MutableBlock,
    override readonly tx: MutableTransaction,
    /** Accounts whose storage starts symbolic (any values) instead of as deployed. */
    symbolicStorage: SymbolicStorage = new Map(),
  ) {
    super(new Map(), schedule, block, tx);
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
   * A new transaction: the last one is finalized and the substate starts afresh, as with a new
   * spec `WorldState` over the finalized accounts; transient storage starts empty (EIP-1153), and
   * the storage each account has now is the transaction's original storage (EIP-2200).
   */
  beginTransaction(): void {
    this.nextTransaction();
    this.transient = new Map();
    for (const account of this.accounts.values()) account.transactionStart = account.writes.length;
  }

  blockHash(): bigint {
    return 0n;
  }

  protected emptyAccount(): SymbolicAccount {
    return { nonce: 0n, balance: 0n, code: new Uint8Array(0), base: new Map(), initial: () => 0n, writes: [], transactionStart: 0 };
  }

  /** Whether some slot is nonzero: decided when every write is concrete, else taken to be so. */
  protected hasStorage(account: SymbolicAccount): boolean {
    const slots = new Map(account.base);
    for (const { key, value } of account.writes) {
      if (typeof key !== "bigint" || typeof value !== "bigint") return true;
      slots.set(key, value);
    }
    return [...slots.values()].some((value) => value !== 0n);
  }

  /** A new contract's storage is empty: every earlier slot is shadowed by the writes of a fresh storage. */
  protected clearStorage(account: SymbolicAccount): void {
    const { base, initial, writes, transactionStart } = account;
    Object.assign(account, { base: new Map(), initial: () => 0n, writes: [], transactionStart: 0 });
    this.journal.push(() => Object.assign(account, { base, initial, writes, transactionStart }));
  }

  protected slotName(key: Z3Word): bigint | string {
    return typeof key === "bigint" ? key : `#${key.id()}`;
  }

  /** How the session's placeholders stand for symbolic amounts, so that value moves as terms. */
  useSymbolicAmounts(amounts: SymbolicAmounts): void {
    this.amounts = amounts;
  }

  /** Every account's address. */
  addresses(): bigint[] {
    return [...this.accounts.keys()];
  }

  override transfer(from: bigint, to: bigint, value: bigint): void {
    const [term, fromBalance, toBalance] = [this.amounts.termOf(value), this.amounts.termOf(this.balance(from)), this.amounts.termOf(this.balance(to))];
    if ((term === undefined && fromBalance === undefined && toBalance === undefined) || from === to) {
      // Concrete amounts, or an account paying itself (which changes no balance): the spec's transfer.
      super.transfer(from, to, value);
      return;
    }
    // A symbolic amount or balance: the new balances are terms, each behind a placeholder. The
    // caller (the CALL and CREATE rules) has decided that `from` can pay.
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

  sload(address: bigint, key: Z3Word): Z3Word {
    const account = this.get(address);
    if (account === undefined) return 0n;
    return lookup(account.writes, account.writes.length, account.initial, key);
  }

  sstore(address: bigint, key: Z3Word, value: Z3Word): void {
    const account = this.materialize(address);
    account.writes.push({ key, value });
    const writes = account.writes;
    this.journal.push(() => writes.pop());
  }

  originalStorage(address: bigint, key: Z3Word): Z3Word {
    if (this.created.has(address)) return 0n;
    const account = this.get(address);
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

  /** The storage writes of the path to one account (for counterexamples). */
  storageWrites(address: bigint): readonly { key: Z3Word; value: Z3Word }[] {
    return this.get(address)?.writes ?? [];
  }
}
