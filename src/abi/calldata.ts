/**
 * Calls as bytes: a 4-byte selector followed by the ABI-encoded arguments (Solidity ABI
 * specification, "Function Selector and Argument Encoding"), and revert data as Solidity produces it.
 */
import { decodeParameters } from "./decode.js";
import { encodeParameters } from "./encode.js";
import { AbiError } from "./errors.js";
import { bytesToHex } from "./hex.js";
import type { Abi, AbiCustomError, AbiFunction } from "./json.js";
import { parseSignature, selectorHex, selectorOf, signatureOf } from "./selector.js";
import type { AbiInput, AbiValue } from "./values.js";

export function functionsOf(abi: Abi): AbiFunction[] {
  return abi.filter((item): item is AbiFunction => item.kind === "function");
}

/**
 * Finds a function by name (must not be overloaded), by signature (`f(uint256)`), or by 0x selector.
 */
export function findFunction(abi: Abi, key: string): AbiFunction {
  const functions = functionsOf(abi);
  let matches: AbiFunction[];
  if (/^0x[0-9a-fA-F]{8}$/.test(key)) {
    matches = functions.filter((f) => selectorHex(f) === key.toLowerCase());
  } else if (key.includes("(")) {
    const wanted = signatureOf(parseSignature(key));
    matches = functions.filter((f) => signatureOf(f) === wanted);
  } else {
    matches = functions.filter((f) => f.name === key);
  }
  if (matches.length === 1) return matches[0] as AbiFunction;
  if (matches.length === 0) throw new AbiError("ABI_LOOKUP", `no function '${key}' in the ABI`);
  const signatures = matches.map(signatureOf).join(", ");
  throw new AbiError("ABI_LOOKUP", `'${key}' is overloaded (${signatures}); give the full signature`);
}

export function encodeCall(fn: AbiFunction, args: readonly AbiInput[]): Uint8Array {
  const body = encodeParameters(
    fn.inputs.map((i) => i.type),
    args,
  );
  const out = new Uint8Array(4 + body.length);
  out.set(selectorOf(fn));
  out.set(body, 4);
  return out;
}

export interface DecodedCall {
  readonly function: AbiFunction;
  readonly args: AbiValue[];
}

/** Identifies the called function by selector and decodes its arguments. */
export function decodeCall(abi: Abi, calldata: Uint8Array): DecodedCall {
  if (calldata.length < 4) {
    throw new AbiError("ABI_DECODE", `calldata of ${calldata.length} bytes has no 4-byte selector`);
  }
  const selector = bytesToHex(calldata.subarray(0, 4));
  const fn = functionsOf(abi).find((f) => selectorHex(f) === selector);
  if (fn === undefined) throw new AbiError("ABI_LOOKUP", `no function with selector ${selector} in the ABI`);
  return {
    function: fn,
    args: decodeParameters(
      fn.inputs.map((i) => i.type),
      calldata.subarray(4),
    ),
  };
}

export function decodeResult(fn: AbiFunction, returndata: Uint8Array): AbiValue[] {
  return decodeParameters(
    fn.outputs.map((o) => o.type),
    returndata,
  );
}

/** Solidity's panic codes (Solidity docs, "Panic via assert and Error via require"). */
export const PANIC_REASONS: ReadonlyMap<bigint, string> = new Map([
  [0x00n, "generic compiler panic"],
  [0x01n, "assertion failed"],
  [0x11n, "arithmetic overflow or underflow"],
  [0x12n, "division or modulo by zero"],
  [0x21n, "conversion to an invalid enum value"],
  [0x22n, "incorrectly encoded storage byte array"],
  [0x31n, "pop() on an empty array"],
  [0x32n, "array index out of bounds"],
  [0x41n, "too much memory allocated"],
  [0x51n, "call to a zero-initialised internal function"],
]);

export type RevertReason =
  | { readonly kind: "empty" }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "panic"; readonly code: bigint; readonly reason: string }
  | { readonly kind: "custom"; readonly error: AbiCustomError; readonly args: AbiValue[] }
  | { readonly kind: "unknown"; readonly data: Uint8Array };

const ERROR_STRING = parseSignature("Error(string)");
const PANIC = parseSignature("Panic(uint256)");

/**
 * Explains revert data: `Error(string)` from require/revert, `Panic(uint256)` from checked arithmetic
 * and assert, a custom error from `abi` when one matches, or raw bytes.
 */
export function decodeRevert(data: Uint8Array, abi: Abi = []): RevertReason {
  if (data.length === 0) return { kind: "empty" };
  if (data.length < 4) return { kind: "unknown", data };
  const selector = bytesToHex(data.subarray(0, 4));
  const body = data.subarray(4);
  try {
    if (selector === selectorHex(ERROR_STRING)) {
      return { kind: "error", message: decodeParameters([{ kind: "string" }], body)[0] as string };
    }
    if (selector === selectorHex(PANIC)) {
      const code = decodeParameters([{ kind: "uint", bits: 256 }], body)[0] as bigint;
      return { kind: "panic", code, reason: PANIC_REASONS.get(code) ?? "unknown panic code" };
    }
    const error = abi.find((e): e is AbiCustomError => e.kind === "error" && selectorHex(e) === selector);
    if (error !== undefined) {
      return {
        kind: "custom",
        error,
        args: decodeParameters(
          error.inputs.map((i) => i.type),
          body,
        ),
      };
    }
  } catch (error) {
    if (!(error instanceof AbiError)) throw error;
  }
  return { kind: "unknown", data };
}
