/**
 * The chain history a state test pretends to have. A state test is one block with no real
 * ancestors, so BLOCKHASH(n) for an earlier block returns keccak256 of the decimal digits of n,
 * the convention of go-ethereum's state-test harness that the vectors were filled with
 * (shared/README.md). ethereumjs asks its blockchain object for `getBlock(n).hash()`; the
 * 256-block window and "not the current block" rules stay in ethereumjs's BLOCKHASH.
 */
import type { EVMMockBlockchainInterface } from "@ethereumjs/evm";
import { keccak_256 } from "@noble/hashes/sha3.js";

export function stateTestBlockHash(number: bigint): Uint8Array {
  return keccak_256(new TextEncoder().encode(number.toString(10)));
}

export class StateTestBlockchain implements EVMMockBlockchainInterface {
  async getBlock(blockId: number): Promise<{ hash(): Uint8Array }> {
    const hash = stateTestBlockHash(BigInt(blockId));
    return { hash: () => hash };
  }

  async putBlock(): Promise<void> {
    throw new Error("a state test's history is fixed: blocks cannot be added");
  }

  shallowCopy(): StateTestBlockchain {
    return this;
  }
}
