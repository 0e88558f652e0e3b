/**
 * Who takes part in a campaign and what they own at genesis. The honest actors (the deployer, who
 * owns the target, and a third user) never name the attacker in their calls: whatever the attacker
 * gains, nobody gave it.
 */
import type { AccountState, PreState } from "../../../interface/implementation.js";
import { toChecksumAddress } from "../../abi/index.js";
import { createAddress } from "../../vm/calls.js";

export const DEPLOYER = 0xd0d0000000000000000000000000000000000001n;
export const ATTACKER = 0xbad0000000000000000000000000000000000002n;
export const USER = 0x05e0000000000000000000000000000000000003n;

export const ETHER = 10n ** 18n;
export const ACTOR_BALANCE = 100n * ETHER;
/**
 * Ether the target holds before anyone calls it, as other people's deposits would (it can be forced
 * on any address, SWC-132): a drain has something to take even before the campaign deposits.
 */
export const TARGET_POT = 10n * ETHER;

/** The target is the deployer's first creation, the attacker contract the attacker's. */
export const TARGET = createAddress(DEPLOYER, 0n);
export const ATTACKER_CONTRACT = createAddress(ATTACKER, 0n);

export type Actor = "deployer" | "attacker" | "user";
export const ACTOR_ADDRESS: Readonly<Record<Actor, bigint>> = { deployer: DEPLOYER, attacker: ATTACKER, user: USER };

/** Accounts that gain only by exploiting the target: the attacker and its contract. */
export function attackerHoldings(balanceOf: (address: bigint) => bigint): bigint {
  return balanceOf(ATTACKER) + balanceOf(ATTACKER_CONTRACT);
}

const EMPTY: AccountState = { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map() };

export function genesis(): PreState {
  return new Map<bigint, AccountState>([
    [DEPLOYER, { ...EMPTY, balance: ACTOR_BALANCE }],
    [ATTACKER, { ...EMPTY, balance: ACTOR_BALANCE }],
    [USER, { ...EMPTY, balance: ACTOR_BALANCE }],
    [TARGET, { ...EMPTY, balance: TARGET_POT }],
  ]);
}

const NAMES = new Map<bigint, string>([
  [DEPLOYER, "deployer"],
  [ATTACKER, "attacker"],
  [USER, "user"],
  [ATTACKER_CONTRACT, "attacker contract"],
]);

/** `0xAbC…` as a checksummed address. */
export function addressText(address: bigint): string {
  return toChecksumAddress(`0x${address.toString(16).padStart(40, "0")}`);
}

/** The actor's role, or the target's name, or the address. */
export function nameOf(address: bigint, targetName: string): string {
  if (address === TARGET) return targetName;
  return NAMES.get(address) ?? addressText(address);
}
