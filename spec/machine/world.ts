/**
 * What the frame driver needs beyond what rules see: checkpoints, moving value, and bringing
 * contracts into being. The concrete world state implements it (`../state/world-state.ts`).
 */
import type { Host } from "./host.js";

export interface World<W, B> extends Host<W, B> {
  /** A checkpoint of every change the transaction has made so far (state, access sets, refunds, logs). */
  checkpoint(): number;
  /** Undoes every change made since the checkpoint. */
  revertTo(checkpoint: number): void;
  /** Marks the account touched (EIP-161: a touched empty account is deleted at the end). */
  touch(address: bigint): void;
  /** Moves value between accounts, creating the recipient if needed; the caller checked the balance. */
  transfer(from: bigint, to: bigint, value: bigint): void;
  /** The address already holds a contract or has been used (EIP-684, EIP-7610): creation fails. */
  hasCodeOrNonce(address: bigint): boolean;
  /**
   * Makes `address` a new contract account: its storage is cleared, its nonce set to 1 where
   * EIP-161 applies, and it is remembered as created in this transaction (EIP-6780).
   */
  beginCreate(address: bigint): void;
  setCode(address: bigint, code: Uint8Array): void;
}
