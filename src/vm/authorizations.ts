/**
 * EIP-7702 authorization processing: before a set-code transaction's message runs, each
 * authorization that holds installs a delegation designator in its authority's account and
 * bumps that account's nonce. One that fails a check is skipped; the transaction stays valid.
 * These writes are not undone if the message later fails.
 */
import { bigIntToBytes, bigIntToMinimalBytes, concatBytes } from "./bytes.js";
import { delegationDesignator, isDelegation } from "./delegation.js";
import type { ForkSchedule } from "./forks.js";
import { keccak256 } from "./keccak.js";
import { rlpEncode } from "./rlp.js";
import { SECP256K1_N, recoverAddress } from "./signature.js";
import type { Authorization } from "./transaction.js";
import { MAX_NONCE, type WorldState } from "./world-state.js";

/** EIP-7702 MAGIC: the domain byte of an authorization's signing hash. */
const SET_CODE_MAGIC = 0x05;

/** The account that signed `auth`, or null when its signature is not valid (low s, EIP-2). */
export function recoverAuthority(auth: Authorization): bigint | null {
  if (auth.yParity > 1n || auth.s > SECP256K1_N / 2n) return null;
  const payload = rlpEncode([bigIntToMinimalBytes(auth.chainId), bigIntToBytes(auth.address, 20), bigIntToMinimalBytes(auth.nonce)]);
  const hash = keccak256(concatBytes(Uint8Array.of(SET_CODE_MAGIC), payload));
  return recoverAddress(hash, auth.r, auth.s, Number(auth.yParity));
}

/**
 * Applies `authorizations` in order to `state` and returns the gas to refund: for each one that
 * took effect on an account that already existed, PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST,
 * since intrinsic gas charged every authorization as if it created an account.
 */
export function applyAuthorizations(
  state: WorldState,
  authorizations: readonly Authorization[],
  chainId: bigint,
  fork: ForkSchedule,
): number {
  let refund = 0;
  for (const auth of authorizations) {
    if (auth.chainId !== 0n && auth.chainId !== chainId) continue;
    if (auth.nonce >= MAX_NONCE) continue;
    const authority = recoverAuthority(auth);
    if (authority === null) continue;
    // The authority is warm from here on, even if a later check skips the authorization.
    state.warmAddress(authority);
    const account = state.get(authority);
    if (account !== undefined && account.code.length > 0 && !isDelegation(account.code)) continue;
    if ((account?.nonce ?? 0n) !== auth.nonce) continue;
    if (account !== undefined) refund += fork.gasPerEmptyAccount - fork.gasPerAuthBase;
    // Delegating to the zero address clears the delegation.
    state.setCode(authority, auth.address === 0n ? new Uint8Array(0) : delegationDesignator(auth.address));
    state.setNonce(authority, auth.nonce + 1n);
  }
  return refund;
}
