/**
 * Signatures and selectors (Solidity ABI specification, "Function Selector" and "Events"):
 * a function's selector is the first 4 bytes of keccak256 of `name(canonical,types)`; an event's
 * topic 0 is the full 32-byte hash of its signature.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { AbiError } from "./errors.js";
import { bytesToHex } from "./hex.js";
import type { AbiCustomError, AbiEvent, AbiFunction } from "./json.js";
import { type AbiComponent, canonicalType, parseParameter } from "./types.js";

type Named = Pick<AbiFunction | AbiEvent | AbiCustomError, "name" | "inputs">;

export function signatureOf(item: Named): string {
  return `${item.name}(${item.inputs.map((i) => canonicalType(i.type)).join(",")})`;
}

/** The 4-byte selector of a function or custom error, or of a signature string such as `transfer(address,uint256)`. */
export function selectorOf(item: Named | string): Uint8Array {
  const signature = typeof item === "string" ? signatureOf(parseSignature(item)) : signatureOf(item);
  return keccak_256(new TextEncoder().encode(signature)).slice(0, 4);
}

export function selectorHex(item: Named | string): string {
  return bytesToHex(selectorOf(item));
}

/** Topic 0 of a non-anonymous event. */
export function eventTopic(event: Named): Uint8Array {
  return keccak_256(new TextEncoder().encode(signatureOf(event)));
}

function parameterList(text: string, whole: string): AbiComponent[] {
  const inner = text.trim();
  if (!inner.startsWith("(") || !inner.endsWith(")")) {
    throw new AbiError("ABI_TYPE", `'${whole}': expected a parenthesised parameter list`);
  }
  const tuple = parseParameter(`${inner}`).type;
  if (tuple.kind !== "tuple") throw new AbiError("ABI_TYPE", `'${whole}': expected a parameter list`);
  return [...tuple.components];
}

/**
 * Parses a human-readable function signature: `transfer(address to, uint256 amount)`, optionally
 * followed by `returns (bool)`. Parameter names are kept; the state mutability is taken as nonpayable.
 */
export function parseSignature(text: string): AbiFunction {
  const whole = text.trim().replace(/^function\s+/, "");
  const open = whole.indexOf("(");
  const name = open < 0 ? "" : whole.slice(0, open).trim();
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new AbiError("ABI_TYPE", `'${text}' is not a function signature`);
  const rest = whole.slice(open);
  let depth = 0;
  let close = -1;
  for (let i = 0; i < rest.length && close < 0; i++) {
    if (rest[i] === "(") depth++;
    else if (rest[i] === ")" && --depth === 0) close = i;
  }
  if (close < 0) throw new AbiError("ABI_TYPE", `'${text}': unbalanced parentheses`);
  const inputs = parameterList(rest.slice(0, close + 1), text);
  const tail = rest.slice(close + 1).trim();
  let outputs: AbiComponent[] = [];
  if (tail !== "") {
    const returns = /^returns\s*(\(.*\))$/.exec(tail);
    if (returns === null) throw new AbiError("ABI_TYPE", `'${text}': unexpected '${tail}' after the parameters`);
    outputs = parameterList(returns[1] as string, text);
  }
  return { kind: "function", name, inputs, outputs, stateMutability: "nonpayable" };
}
