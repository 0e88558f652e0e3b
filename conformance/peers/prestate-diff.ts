/**
 * The post state of a transaction from its pre-state and go-ethereum's prestateTracer in diff
 * mode (which anvil implements): `post` holds, per account that changed, the fields that changed
 * (a cleared storage slot is left out of `post` but stays in `pre`), and an account in `pre` but
 * not in `post` no longer exists. Empty accounts the transaction touched are then removed
 * (EIP-161), as at the end of every transaction from Spurious Dragon on; untouched ones stay.
 */
import { hexToBytes } from "../../spec/primitives/bytes.js";
import type { AccountState, PreState } from "../../interface/implementation.js";

interface DiffAccount {
  readonly balance?: string;
  readonly nonce?: number | string;
  readonly code?: string;
  readonly storage?: Readonly<Record<string, string>>;
}

export interface PrestateDiff {
  readonly pre: Readonly<Record<string, DiffAccount>>;
  readonly post: Readonly<Record<string, DiffAccount>>;
}

const EMPTY_ACCOUNT: AccountState = { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map() };

function isEmpty(account: AccountState): boolean {
  return account.nonce === 0n && account.balance === 0n && account.code.length === 0;
}

/**
 * `touched`: the addresses the transaction touched beyond those the diff names (every call
 * frame's sender and recipient, the coinbase): an empty one is removed although nothing of it
 * changed, which is why the diff leaves it out.
 */
export function postStateFromDiff(pre: PreState, diff: PrestateDiff, touched: Iterable<bigint> = []): Map<bigint, AccountState> {
  const state = new Map(pre);
  for (const [address, before] of Object.entries(diff.pre)) {
    const key = BigInt(address);
    if (!Object.hasOwn(diff.post, address)) {
      // Unchanged accounts are left out of both sides, so one only in `pre` is gone or lost only storage.
      const current = state.get(key);
      const cleared = Object.keys(before.storage ?? {});
      if (current !== undefined && before.balance === undefined && before.nonce === undefined && before.code === undefined && cleared.length > 0) {
        const storage = new Map(current.storage);
        for (const slot of cleared) storage.delete(BigInt(slot));
        state.set(key, { ...current, storage });
      } else {
        state.delete(key);
      }
    }
  }
  for (const [address, after] of Object.entries(diff.post)) {
    const key = BigInt(address);
    const current = state.get(key) ?? EMPTY_ACCOUNT;
    const storage = new Map(current.storage);
    for (const slot of Object.keys(diff.pre[address]?.storage ?? {})) if (!Object.hasOwn(after.storage ?? {}, slot)) storage.delete(BigInt(slot));
    for (const [slot, value] of Object.entries(after.storage ?? {})) {
      if (BigInt(value) === 0n) storage.delete(BigInt(slot));
      else storage.set(BigInt(slot), BigInt(value));
    }
    state.set(key, {
      balance: after.balance === undefined ? current.balance : BigInt(after.balance),
      nonce: after.nonce === undefined ? current.nonce : BigInt(after.nonce),
      code: after.code === undefined ? current.code : hexToBytes(after.code),
      storage,
    });
  }
  // Only what the transaction touched: an untouched empty account of the pre-state stays. Storage
  // does not make an account non-empty (EIP-161: no code, zero nonce, zero balance); deleting it
  // deletes its storage too, as execution-specs' destroy_touched_empty_accounts does. anvil's
  // database keeps such an account, storage and all.
  for (const address of [...Object.keys(diff.pre), ...Object.keys(diff.post)].map(BigInt).concat([...touched])) {
    const account = state.get(address);
    if (account !== undefined && isEmpty(account)) state.delete(address);
  }
  return state;
}
