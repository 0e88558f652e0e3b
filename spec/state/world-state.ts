/**
 * The concrete world state σ of one transaction: the journaled world of `journaled-world.ts` with
 * storage as a map per account (Yellow Paper 4.1), and EIP-2200's original values recorded on a
 * slot's first write in the transaction.
 */
import type { Schedule } from "../fork/schedule.js";
import type { BlockContext, TransactionContext } from "../machine/host.js";
import { type Account, emptyAccount } from "./account.js";
import { JournaledWorld } from "./journaled-world.js";

export type { Log } from "./journaled-world.js";

export class WorldState extends JournaledWorld<bigint, Uint8Array, Account> {
  /** Storage values as they were when the transaction started, recorded on first write. */
  private readonly originals = new Map<bigint, Map<bigint, bigint>>();
  private readonly transient = new Map<bigint, Map<bigint, bigint>>();

  constructor(
    accounts: Map<bigint, Account>,
    schedule: Schedule,
    block: BlockContext,
    tx: TransactionContext,
    private readonly hashOfBlock: (number: bigint) => bigint,
  ) {
    super(accounts, schedule, block, tx);
  }

  blockHash(number: bigint): bigint {
    return this.hashOfBlock(number);
  }

  protected emptyAccount(): Account {
    return emptyAccount();
  }

  protected hasStorage(account: Account): boolean {
    return account.storage.size > 0;
  }

  protected clearStorage(account: Account): void {
    const storage = new Map(account.storage);
    account.storage.clear();
    this.journal.push(() => {
      for (const [key, value] of storage) account.storage.set(key, value);
    });
  }

  protected slotName(key: bigint): bigint {
    return key;
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
}
