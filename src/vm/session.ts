/**
 * A chain that persists between transactions: each transaction runs on the world the previous one
 * left, without signatures (the sender is named, as a development node's impersonation does).
 * For tools that drive contracts through many transactions (fuzzing campaigns, exploit replay).
 *
 * A world is never mutated once a transaction has finished: WorldState copies the accounts it
 * starts from, so keeping the `world` of some moment is a snapshot, and `copy()` costs nothing.
 * Gas is free (price 0, base fee 0), so balances move only by the value transactions carry.
 */
import type { AccountState, BlockEnv, ForkName, PreState, Tracer } from "../../interface/implementation.js";
import { EMPTY_BYTES } from "./bytes.js";
import { primeInterpreter } from "./prime.js";
import { executeTransaction } from "./processor.js";
import type { Transaction } from "./transaction.js";
import { type Log, WorldState } from "./world-state.js";

/** A transaction as its sender means it; nonce and fees are filled in by the chain. */
export interface UnsignedTransaction {
  readonly from: bigint;
  /** null creates a contract from `data`. */
  readonly to: bigint | null;
  readonly value?: bigint;
  readonly data?: Uint8Array;
  /** Default: DEFAULT_TRANSACTION_GAS. */
  readonly gasLimit?: bigint;
}

export interface Receipt {
  /** "success", "revert", or the exceptional halt that ended the top frame. */
  readonly status: string;
  readonly success: boolean;
  readonly output: Uint8Array;
  readonly gasUsed: bigint;
  /** The new contract's address when a creation succeeded, else null. */
  readonly created: bigint | null;
  readonly logs: readonly Log[];
}

export const DEFAULT_TRANSACTION_GAS = 10_000_000n;
const BLOCK_GAS_LIMIT = 30_000_000n;

/** The block a new chain starts at. */
export const GENESIS_BLOCK: BlockEnv = {
  coinbase: 0xc014ba5en,
  gasLimit: BLOCK_GAS_LIMIT,
  number: 1n,
  timestamp: 1_700_000_000n,
  difficulty: 0n,
  prevRandao: 0n,
  baseFee: 0n,
  excessBlobGas: 0n,
};

export class Chain {
  private current: PreState;

  constructor(
    readonly fork: ForkName,
    world: PreState = new Map(),
    /** The block the next transaction runs in; assign to move time or height. */
    public block: BlockEnv = GENESIS_BLOCK,
  ) {
    this.current = world;
    primeInterpreter();
  }

  /** The accounts as the last transaction left them (never mutated afterwards). */
  get world(): PreState {
    return this.current;
  }

  account(address: bigint): AccountState | undefined {
    return this.current.get(address);
  }

  balanceOf(address: bigint): bigint {
    return this.current.get(address)?.balance ?? 0n;
  }

  storageAt(address: bigint, slot: bigint): bigint {
    return this.current.get(address)?.storage.get(slot) ?? 0n;
  }

  /** Sets an account's balance outside any transaction (genesis allocation, test funding). */
  setBalance(address: bigint, balance: bigint): void {
    const world = new Map(this.current);
    const account = world.get(address);
    world.set(address, {
      nonce: account?.nonce ?? 0n,
      balance,
      code: account?.code ?? EMPTY_BYTES,
      storage: account?.storage ?? new Map(),
    });
    this.current = world;
  }

  /** Runs one transaction in `block`; throws TransactionRejected (world unchanged) if it is invalid. */
  send(unsigned: UnsignedTransaction, tracer?: Tracer): Receipt {
    const state = new WorldState(this.current);
    const tx: Transaction = {
      type: 0,
      nonce: state.get(unsigned.from)?.nonce ?? 0n,
      maxFeePerGas: 0n,
      maxPriorityFeePerGas: 0n,
      gasLimit: unsigned.gasLimit ?? DEFAULT_TRANSACTION_GAS,
      to: unsigned.to,
      value: unsigned.value ?? 0n,
      data: unsigned.data ?? EMPTY_BYTES,
      accessList: [],
      maxFeePerBlobGas: 0n,
      blobVersionedHashes: [],
      authorizations: [],
      sender: unsigned.from,
    };
    const result = executeTransaction(state, tx, this.block, this.fork, { tracer });
    this.current = state.accounts;
    return { ...result, success: result.status === "success", logs: [...state.logs] };
  }

  /** An independent chain at the same world and block. */
  copy(): Chain {
    return new Chain(this.fork, this.current, this.block);
  }
}
