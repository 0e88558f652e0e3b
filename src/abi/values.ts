/**
 * Values as the ABI library hands them out (decoding) and accepts them (encoding).
 * Decoded: integers are bigint, addresses EIP-55 checksummed strings, bool boolean, bytes/bytes<M>
 * Uint8Array, string string, arrays and tuples positional arrays.
 */
export type AbiValue = bigint | boolean | string | Uint8Array | readonly AbiValue[];

/**
 * What encoding accepts: everything `AbiValue` is, plus integers as safe JavaScript numbers or
 * decimal/`0x` strings, bytes as `0x` hex strings, and tuples as objects keyed by member name.
 */
export type AbiInput =
  | bigint
  | number
  | boolean
  | string
  | Uint8Array
  | readonly AbiInput[]
  | { readonly [member: string]: AbiInput };
