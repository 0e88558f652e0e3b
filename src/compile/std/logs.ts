/**
 * What a test said while it ran, for people: the log events of ds-test (how a failing assertion
 * explains itself) and calls to console.log, both as the built-in sources in this folder emit them.
 */
import {
  type AbiEvent,
  type AbiFunction,
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

/** The console.sol functions: selector → function (its parameters decode the call). */
const CONSOLE_FUNCTIONS: ReadonlyMap<string, AbiFunction> = new Map(
  [
    "log()",
    "log(string)",
    "log(uint256)",
    "log(int256)",
    "log(bool)",
    "log(address)",
    "log(string,uint256)",
    "log(string,int256)",
    "log(string,bool)",
    "log(string,address)",
    "log(string,string)",
    "log(string,uint256,uint256)",
    "logBytes(bytes)",
    "logBytes32(bytes32)",
  ].map((signature) => {
    const fn = parseSignature(signature);
    return [selectorHex(fn), fn] as const;
  }),
);

/**
 * The line a console.log call prints, its arguments separated by spaces (strings as they are), or
 * undefined when the calldata is not a known console function with a valid encoding.
 */
export function formatConsoleLog(calldata: Uint8Array): string | undefined {
  if (calldata.length < 4) return undefined;
  const fn = CONSOLE_FUNCTIONS.get(bytesToHex(calldata.subarray(0, 4)));
  if (fn === undefined) return undefined;
  let args: AbiValue[];
  try {
    args = decodeParameters(
      fn.inputs.map((i) => i.type),
      calldata.subarray(4),
    );
  } catch {
    return undefined;
  }
  return fn.inputs
    .map((input, i) => (input.type.kind === "string" ? (args[i] as string) : formatValue(input.type, args[i] as AbiValue)))
    .join(" ");
}
