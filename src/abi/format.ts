/** Human-readable values and calls, as counterexamples are shown: `transfer(to=0xAb…, amount=5)`. */
import { bytesToHex } from "./hex.js";
import type { AbiFunction } from "./json.js";
import type { AbiComponent, AbiType } from "./types.js";
import type { AbiValue } from "./values.js";

function formatMembers(components: readonly AbiComponent[], values: readonly AbiValue[]): string {
  return components
    .map((c, i) => {
      const text = formatValue(c.type, values[i] as AbiValue);
      return c.name === "" ? text : `${c.name}=${text}`;
    })
    .join(", ");
}

/** Integers in decimal, addresses checksummed, bytes in hex, strings JSON-quoted, tuples in parentheses. */
export function formatValue(type: AbiType, value: AbiValue): string {
  switch (type.kind) {
    case "uint":
    case "int":
    case "bool":
      return String(value);
    case "address":
      return value as string;
    case "fixedBytes":
    case "bytes":
      return bytesToHex(value as Uint8Array);
    case "string":
      return JSON.stringify(value);
    case "array":
      return `[${(value as readonly AbiValue[]).map((v) => formatValue(type.element, v)).join(", ")}]`;
    case "tuple":
      return `(${formatMembers(type.components, value as readonly AbiValue[])})`;
  }
}

/** `name(param=value, …)`; unnamed parameters show their value only. */
export function formatCall(fn: Pick<AbiFunction, "name" | "inputs">, args: readonly AbiValue[]): string {
  return `${fn.name}(${formatMembers(fn.inputs, args)})`;
}
