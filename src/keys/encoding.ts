/**
 * The bytes `svm keys` reads and writes: hex text in and out, and each precompile's input laid out
 * exactly as docs/extensions.md's table (and EIP-7951 / the Yellow Paper for P256VERIFY and
 * ECRECOVER) expects it, so a signature made here is passed to the precompile as it is.
 */
import { concatBytes } from "@noble/hashes/utils.js";
import { numberToBytesBE } from "@noble/curves/utils.js";

/** A problem with what the caller gave (bad hex, wrong length, a file of the wrong kind): exit 2. */
export class KeyInputError extends Error {
  readonly code = "KEY_INPUT";
}

const HEX = /^(0x)?([0-9a-fA-F]{2})*$/;

/** Bytes of a hex string, `0x` optional; `what` names the value in the error. */
export function fromHex(text: string, what: string): Uint8Array {
  if (!HEX.test(text)) throw new KeyInputError(`${what}: expected hex bytes (an even number of 0-9a-f digits, 0x optional), got '${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`);
  return Uint8Array.from(Buffer.from(text.startsWith("0x") ? text.slice(2) : text, "hex"));
}

/** `0x`-prefixed lowercase hex, the form every field of `svm keys` output takes. */
export function toHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes).toString("hex")}`;
}

/** A big-endian 32-byte word (the `nLen`, `eLen`, `v` words of the layouts below). */
export function word(value: bigint | number): Uint8Array {
  return numberToBytesBE(BigInt(value), 32);
}

/** A precompile call ready to make: its 20-byte address and the input to send it. */
export interface PrecompileCall {
  /** e.g. `0x0000000000000000000000000000000000010040`. */
  readonly address: string;
  readonly name: string;
  readonly input: Uint8Array;
}

export function precompileAddress(address: number): string {
  return `0x${address.toString(16).padStart(40, "0")}`;
}

export const call = (address: number, name: string, ...parts: Uint8Array[]): PrecompileCall => ({
  address: precompileAddress(address),
  name,
  input: concatBytes(...parts),
});

export { concatBytes };
