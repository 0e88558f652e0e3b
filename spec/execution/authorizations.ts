/**
 * EIP-7702's authorization processing: after the sender's nonce is used and before the message
 * runs, each valid tuple sets its authority's code to a delegation designator (or clears it, for
 * the zero address) and uses the authority's nonce. An invalid tuple is skipped. Nothing here is
 * undone if the message later fails.
 */
import { delegationDesignator, isDelegationDesignator } from "../machine/delegation.js";
import type { WorldState } from "../state/world-state.js";
import { PER_AUTH_BASE_COST, PER_EMPTY_ACCOUNT_COST, recoverAuthority } from "../transaction/index.js";
import type { Authorization } from "../transaction/index.js";

/** An authorization nonce must be below 2^64 - 1, so that the authority's nonce can be incremented. */
const MAX_AUTHORIZATION_NONCE = (1n << 64n) - 1n;

/**
 * Applies the tuples in order (a later valid tuple of the same authority wins) and returns the
 * refund they earn: PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST for each whose authority already
 * existed, which the intrinsic gas charged as if it had not.
 */
export function applyAuthorizations(world: WorldState, authorizations: readonly Authorization[], chainId: bigint): bigint {
  let refund = 0n;
  for (const authorization of authorizations) {
    if (authorization.chainId !== 0n && authorization.chainId !== chainId) continue;
    if (authorization.nonce >= MAX_AUTHORIZATION_NONCE) continue;
    const authority = recoverAuthority(authorization);
    if (authority === undefined) continue;
    world.touchAccount(authority);
    const code = world.code(authority);
    if (code.length > 0 && !isDelegationDesignator(code)) continue;
    if (world.nonce(authority) !== authorization.nonce) continue;
    if (world.exists(authority)) refund += PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST;
    world.setCode(authority, authorization.address === 0n ? new Uint8Array(0) : delegationDesignator(authorization.address));
    world.incrementNonce(authority);
  }
  return refund;
}
