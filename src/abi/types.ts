/**
 * ABI types as a tree, parsed from type strings (`uint256`, `bytes32[2][]`, `(address,uint8)[]`)
 * or from ABI JSON parameters (`type: "tuple[]"` with `components`).
 * Grammar and canonical names follow the Solidity ABI specification, "Types". The rarely used
 * `fixed<M>x<N>`/`ufixed<M>x<N>` and `function` types are not supported and are rejected by name.
 */
import { AbiError } from "./errors.js";

export type AbiType =
  | { readonly kind: "uint"; readonly bits: number }
  | { readonly kind: "int"; readonly bits: number }
  | { readonly kind: "address" }
  | { readonly kind: "bool" }
  | { readonly kind: "fixedBytes"; readonly size: number }
  | { readonly kind: "bytes" }
  | { readonly kind: "string" }
  /** `T[k]` when `length` is a number, `T[]` when it is undefined. */
  | { readonly kind: "array"; readonly element: AbiType; readonly length: number | undefined }
  | { readonly kind: "tuple"; readonly components: readonly AbiComponent[] };

/** A tuple member; `name` is "" when the ABI leaves it unnamed. */
export interface AbiComponent {
  readonly name: string;
  readonly type: AbiType;
}

/** The canonical type name used in signatures: `uint` becomes `uint256`, tuples become `(T1,T2)`. */
export function canonicalType(type: AbiType): string {
  switch (type.kind) {
    case "uint":
    case "int":
      return `${type.kind}${type.bits}`;
    case "fixedBytes":
      return `bytes${type.size}`;
    case "array":
      return `${canonicalType(type.element)}[${type.length ?? ""}]`;
    case "tuple":
      return `(${type.components.map((c) => canonicalType(c.type)).join(",")})`;
    default:
      return type.kind;
  }
}

/** Dynamic types are encoded in the tail behind an offset (ABI spec, "Formal Specification of the Encoding"). */
export function isDynamic(type: AbiType): boolean {
  switch (type.kind) {
    case "bytes":
    case "string":
      return true;
    case "array":
      return type.length === undefined || isDynamic(type.element);
    case "tuple":
      return type.components.some((c) => isDynamic(c.type));
    default:
      return false;
  }
}

/** Bytes a value of this type occupies in the head of its enclosing tuple. */
export function headSize(type: AbiType): number {
  if (isDynamic(type)) return 32;
  if (type.kind === "array") return (type.length ?? 0) * headSize(type.element);
  if (type.kind === "tuple") return type.components.reduce((sum, c) => sum + headSize(c.type), 0);
  return 32;
}

const ELEMENTARY = /^(uint|int|bytes|address|bool|string)(\d*)$/;

function elementary(name: string): AbiType {
  const match = ELEMENTARY.exec(name);
  if (match === null) throw new AbiError("ABI_TYPE", `'${name}' is not an ABI type`);
  const [, base, digits] = match as unknown as [string, string, string];
  const size = digits === "" ? undefined : Number(digits);
  if (digits.length > 1 && digits.startsWith("0")) throw new AbiError("ABI_TYPE", `'${name}': size must not have a leading zero`);
  switch (base) {
    case "uint":
    case "int": {
      const bits = size ?? 256;
      if (bits < 8 || bits > 256 || bits % 8 !== 0) {
        throw new AbiError("ABI_TYPE", `'${name}': integer width must be a multiple of 8 from 8 to 256`);
      }
      return { kind: base, bits };
    }
    case "bytes":
      if (size === undefined) return { kind: "bytes" };
      if (size < 1 || size > 32) throw new AbiError("ABI_TYPE", `'${name}': bytes<M> needs 1 ≤ M ≤ 32`);
      return { kind: "fixedBytes", size };
    default:
      if (size !== undefined) throw new AbiError("ABI_TYPE", `'${name}' is not an ABI type`);
      return { kind: base as "address" | "bool" | "string" };
  }
}

/** Wraps `base` in the array suffixes `[2][]…` that follow it, innermost first. */
function withArraySuffixes(base: AbiType, suffixes: string, whole: string): AbiType {
  let type = base;
  const suffix = /\[(\d*)\]/y;
  let at = 0;
  while (at < suffixes.length) {
    suffix.lastIndex = at;
    const match = suffix.exec(suffixes);
    if (match === null) throw new AbiError("ABI_TYPE", `'${whole}': malformed array suffix`);
    const digits = match[1] as string;
    if (digits !== "" && (digits.startsWith("0") || Number(digits) === 0)) {
      throw new AbiError("ABI_TYPE", `'${whole}': a fixed array length must be a positive integer`);
    }
    type = { kind: "array", element: type, length: digits === "" ? undefined : Number(digits) };
    at = suffix.lastIndex;
  }
  return type;
}

/** Splits `a,b,(c,d)` at top-level commas. */
export function splitTopLevel(list: string, whole: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new AbiError("ABI_TYPE", `'${whole}': unbalanced parentheses`);
  }
  if (depth !== 0) throw new AbiError("ABI_TYPE", `'${whole}': unbalanced parentheses`);
  parts.push(list.slice(start));
  return parts;
}

/**
 * Parses one parameter of a signature: a type, optionally followed by a data location and a name
 * (`uint256`, `address to`, `bytes calldata data`). Returns the type and the name ("" if none).
 */
export function parseParameter(text: string): AbiComponent {
  const trimmed = text.trim();
  const closing = trimmed.startsWith("(") ? matchingParen(trimmed, 0) : -1;
  const typeEnd = closing >= 0 ? afterSuffixes(trimmed, closing + 1) : trimmed.search(/\s|$/);
  const words = trimmed.slice(typeEnd).trim().split(/\s+/).filter((w) => w !== "");
  const named = words.filter((w) => w !== "memory" && w !== "calldata" && w !== "storage" && w !== "indexed");
  if (named.length > 1) throw new AbiError("ABI_TYPE", `'${trimmed}': expected a type and at most one name`);
  return { type: parseAbiType(trimmed.slice(0, typeEnd)), name: named[0] ?? "" };
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  throw new AbiError("ABI_TYPE", `'${text}': unbalanced parentheses`);
}

function afterSuffixes(text: string, from: number): number {
  const match = /^(\[\d*\])*/.exec(text.slice(from));
  return from + (match?.[0].length ?? 0);
}

/** Parses a type string: elementary types, arrays of any depth, and `(T1,T2)` tuples with optional member names. */
export function parseAbiType(text: string): AbiType {
  const whole = text.trim();
  if (whole.startsWith("(")) {
    const close = matchingParen(whole, 0);
    const inner = whole.slice(1, close);
    const components = inner.trim() === "" ? [] : splitTopLevel(inner, whole).map(parseParameter);
    return withArraySuffixes({ kind: "tuple", components }, whole.slice(close + 1), whole);
  }
  const bracket = whole.indexOf("[");
  const base = bracket < 0 ? whole : whole.slice(0, bracket);
  return withArraySuffixes(elementary(base), bracket < 0 ? "" : whole.slice(bracket), whole);
}

/** The shape of an ABI JSON parameter (`inputs`/`outputs`/`components` entries). */
export interface AbiJsonParameter {
  readonly name?: string | undefined;
  readonly type: string;
  readonly components?: readonly AbiJsonParameter[] | undefined;
  readonly internalType?: string | undefined;
  readonly indexed?: boolean | undefined;
}

/** Converts an ABI JSON parameter; `tuple…` types take their members from `components`. */
export function typeOfJsonParameter(parameter: AbiJsonParameter): AbiType {
  const { type } = parameter;
  if (!type.startsWith("tuple")) {
    if (parameter.components !== undefined) {
      throw new AbiError("ABI_TYPE", `'${type}': only tuple types have components`);
    }
    return parseAbiType(type);
  }
  if (parameter.components === undefined) throw new AbiError("ABI_TYPE", `'${type}' needs components`);
  const components = parameter.components.map((c) => ({ name: c.name ?? "", type: typeOfJsonParameter(c) }));
  return withArraySuffixes({ kind: "tuple", components }, type.slice("tuple".length), type);
}
