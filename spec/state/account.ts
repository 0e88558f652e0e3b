/** What every account has whatever its storage (Yellow Paper 4.1): nonce, balance and code. */
export interface AccountFields {
  nonce: bigint;
  balance: bigint;
  code: Uint8Array;
}

/** An account of the world state (Yellow Paper 4.1): nonce, balance, code and storage. */
export interface Account extends AccountFields {
  /** Slot → value; a slot set to zero is deleted. */
  readonly storage: Map<bigint, bigint>;
}

export function emptyAccount(): Account {
  return { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map() };
}

/** EIP-161: no code, zero nonce and zero balance. */
export function isEmpty(account: AccountFields): boolean {
  return account.nonce === 0n && account.balance === 0n && account.code.length === 0;
}
