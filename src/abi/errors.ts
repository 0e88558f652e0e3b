/** Which step of ABI handling rejected its input. */
export type AbiErrorCode =
  | "ABI_TYPE" // a type string or ABI JSON parameter that does not name a valid ABI type
  | "ABI_JSON" // ABI JSON that does not have the shape of the Solidity ABI specification
  | "ABI_ENCODE" // a value that does not fit the type it is encoded as
  | "ABI_DECODE" // bytes that are not a valid encoding of the expected types
  | "ABI_LOOKUP"; // no function in the ABI matches a name or selector

/** A malformed ABI type, value, JSON or encoding; `message` says what and where. */
export class AbiError extends Error {
  override readonly name = "AbiError";
  constructor(
    readonly code: AbiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
