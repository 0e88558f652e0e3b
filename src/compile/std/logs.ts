/**
 * What a test said while it ran, for people: the log events of ds-test (how a failing assertion
 * explains itself) and calls to console.log, both as the built-in sources in this folder emit them.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import {
  type AbiEvent,
  type AbiFunction,
  type AbiType,
  type AbiValue,
  bytesToHex,
  decodeEventLog,
  decodeParameters,
  formatValue,
  parseEventSignature,
  parseSignature,
  selectorHex,
} from "../../abi/index.js";

/** The events of ds-test/test.sol. */
export const DS_TEST_EVENTS: readonly AbiEvent[] = [
  "log(string)",
  "logs(bytes)",
  "log_address(address)",
  "log_bytes32(bytes32)",
  "log_int(int256)",
  "log_uint(uint256)",
  "log_bytes(bytes)",
  "log_string(string)",
  "log_named_address(string key, address val)",
  "log_named_bytes32(string key, bytes32 val)",
  "log_named_decimal_int(string key, int256 val, uint256 decimals)",
  "log_named_decimal_uint(string key, uint256 val, uint256 decimals)",
  "log_named_int(string key, int256 val)",
  "log_named_uint(string key, uint256 val)",
  "log_named_bytes(string key, bytes val)",
  "log_named_string(string key, string val)",
].map(parseEventSignature);

/** `value / 10^decimals` in decimal notation without trailing zeros: (1500000000000000000, 18) → "1.5". */
export function formatDecimal(value: bigint, decimals: bigint): string {
  const sign = value < 0n ? "-" : "";
  const magnitude = value < 0n ? -value : value;
  if (decimals === 0n) return `${sign}${magnitude}`;
  const digits = magnitude.toString().padStart(Number(decimals) + 1, "0");
  const whole = digits.slice(0, digits.length - Number(decimals));
  const fraction = digits.slice(digits.length - Number(decimals)).replace(/0+$/, "");
  return `${sign}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * One ds-test log line (`Error: a == b not satisfied [uint]`, `      Left: 5`), or undefined when
 * the log is not a ds-test event.
 */
export function formatDsTestLog(topics: readonly Uint8Array[], data: Uint8Array): string | undefined {
  let decoded;
  try {
    decoded = decodeEventLog(DS_TEST_EVENTS, topics, data);
  } catch {
    return undefined;
  }
  if (decoded === undefined) return undefined;
  const { event, args } = decoded;
  const [first, second, third] = args;
  if (event.name === "log_named_decimal_int" || event.name === "log_named_decimal_uint") {
    return `${first as string}: ${formatDecimal(second as bigint, third as bigint)}`;
  }
  const shown = (i: number) => {
    const value = args[i] as AbiValue;
    const type = event.inputs[i]?.type;
    return type?.kind === "string" ? (value as string) : formatValue(type ?? { kind: "bytes" }, value);
  };
  return event.name.startsWith("log_named_") ? `${first as string}: ${shown(1)}` : shown(0);
}

/** The value types forge-std's console.sol combines in its 2-, 3- and 4-argument `log` overloads. */
const CONSOLE_ARGUMENT_TYPES = ["uint256", "string", "bool", "address"] as const;

/** Every parameter list over CONSOLE_ARGUMENT_TYPES of length `n`. */
function consoleCombinations(n: number): string[][] {
  let lists: string[][] = [[]];
  for (let k = 0; k < n; k++) lists = lists.flatMap((prefix) => CONSOLE_ARGUMENT_TYPES.map((t) => [...prefix, t]));
  return lists;
}

/**
 * The signatures forge-std's console.sol (and the built-in forge-std/console.sol) send: `logBytes4`
 * sends `log(bytes4)`, `logInt` sends `log(int256)`, and so on.
 */
const CONSOLE_SIGNATURES: readonly string[] = [
  "log()",
  "log(int256)",
  "log(string,int256)",
  "log(bytes)",
  ...Array.from({ length: 32 }, (_, i) => `log(bytes${i + 1})`),
  ...[1, 2, 3, 4].flatMap(consoleCombinations).map((types) => `log(${types.join(",")})`),
];

/**
 * selector → function. Besides the canonical selectors, the original Hardhat console.sol (which
 * forge-std shipped as console.sol next to console2.sol) hashed `uint`/`int` (`log(string,uint)`),
 * so a project that vendors an old copy still prints; those selectors decode as the canonical types.
 */
const CONSOLE_FUNCTIONS: ReadonlyMap<string, AbiFunction> = new Map(
  CONSOLE_SIGNATURES.flatMap((signature) => {
    const fn = parseSignature(signature);
    const legacy = signature.replace(/\b(u?int)256\b/g, "$1");
    const legacySelector = bytesToHex(keccak_256(new TextEncoder().encode(legacy)).subarray(0, 4));
    const entries: [string, AbiFunction][] = [[selectorHex(fn), fn]];
    if (legacy !== signature) entries.push([legacySelector, fn]);
    return entries;
  }),
);

/** Two's complement in 256 bits, as `%x` shows a negative int256. */
function hexWord(value: bigint): string {
  return `0x${BigInt.asUintN(256, value).toString(16)}`;
}

/** `1500` → `1.5e3`: a `%e` without decimals. */
function scientific(value: bigint): string {
  const sign = value < 0n ? "-" : "";
  const digits = (value < 0n ? -value : value).toString();
  const fraction = digits.slice(1).replace(/0+$/, "");
  return `${sign}${digits[0]}${fraction === "" ? "" : `.${fraction}`}e${digits.length - 1}`;
}

/** One argument as a console line shows it under a format specifier (`s` when there is none). */
function formatConsoleValue(type: AbiType, value: AbiValue, specifier: string): string {
  if (type.kind === "uint" || type.kind === "int") {
    const n = value as bigint;
    if (specifier === "x") return hexWord(n);
    if (specifier === "e") return scientific(n);
    if (specifier.endsWith("e")) return formatDecimal(n, BigInt(specifier.slice(0, -1)));
    return n.toString();
  }
  return type.kind === "string" ? (value as string) : formatValue(type, value);
}

/**
 * Foundry's console formatting (Foundry Book, "console.log": format specifiers): a leading string
 * argument is a format in which `%s`, `%d`, `%i`, `%o`, `%x`, `%e` and `%<decimals>e` each take the
 * next argument and `%%` is a percent sign; a specifier with no argument left, or an unknown one,
 * stays as written; arguments the format does not use follow, separated by spaces.
 */
function formatConsoleLine(types: readonly AbiType[], args: readonly AbiValue[]): string {
  const shown = (i: number, specifier: string) =>
    formatConsoleValue(types[i] as AbiType, args[i] as AbiValue, specifier);
  const parts: string[] = [];
  let next = 0;
  if (types[0]?.kind === "string") {
    next = 1;
    const format = args[0] as string;
    const filled = format.replace(/%(%|s|d|i|o|x|e|\d+e)/g, (whole, specifier: string) => {
      if (specifier === "%") return "%";
      return next < args.length ? shown(next++, specifier) : whole;
    });
    if (filled !== "") parts.push(filled);
  }
  for (; next < args.length; next++) parts.push(shown(next, "s"));
  return parts.join(" ");
}

/**
 * The line a console.log call prints, or undefined when the calldata is not a known console
 * function with a valid encoding.
 */
export function formatConsoleLog(calldata: Uint8Array): string | undefined {
  if (calldata.length < 4) return undefined;
  const fn = CONSOLE_FUNCTIONS.get(bytesToHex(calldata.subarray(0, 4)));
  if (fn === undefined) return undefined;
  const types = fn.inputs.map((i) => i.type);
  let args: AbiValue[];
  try {
    args = decodeParameters(types, calldata.subarray(4));
  } catch {
    return undefined;
  }
  return formatConsoleLine(types, args);
}
