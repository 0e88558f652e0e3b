/** The block a transaction runs in, as the spec needs it. */
export interface BlockEnvironment {
  readonly coinbase: bigint;
  readonly gasLimit: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly difficulty: bigint;
  readonly prevRandao: bigint;
  readonly baseFee: bigint;
  readonly excessBlobGas: bigint;
  readonly chainId: bigint;
  /** The hash of an earlier block, for BLOCKHASH. */
  readonly blockHash: (number: bigint) => bigint;
}
