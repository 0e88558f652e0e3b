/**
 * Counterexamples a person can act on, for `svm prove` and `svm audit`: the calls decoded with the
 * ABI, why the replay failed (Error(string), Panic and custom errors decoded), the assertion's own
 * message (ds-test/forge-std log `Error: …` before they set failed()), what the replay logged
 * (console.log and ds-test's log events, in order, as forge prints them under "Logs:"), and the
 * call trace of the replay in forge's shape (`├─`, `└─ ← [Revert] …`).
 */
import { type Abi, type AbiFunction, bytesToHex, decodeCall, decodeEventLog, decodeResult, decodeRevert, formatCall, hexToBytes, parseSignature, toChecksumAddress } from "../abi/index.js";
import { DS_TEST_EVENTS, formatConsoleLog, formatDsTestLog } from "../compile/index.js";
import type { TracedCall, TracedLog, TracedResult } from "../../proofs/concrete/call-trace.js";
import { CHEATCODE_SIGNATURES, CONSOLE_ADDRESS, HEVM_ADDRESS } from "../../proofs/cheatcodes.js";
import { TEST_CONTRACT } from "../../proofs/environment.js";
import { FORGE_CHEATCODE_ERROR_SIGNATURE } from "../../proofs/cheatcode-values.js";
import type { AbiCustomError } from "../abi/index.js";
import type { CallStep, PropertyResult } from "../../proofs/prove.js";
import type { ReplayTrace } from "../../proofs/replay-trace.js";

/** The compiled contracts a counterexample's calls and trace are decoded with. */
export interface DecodingContext {
  /** ABI by contract name. */
  readonly abis: ReadonlyMap<string, Abi>;
  /** Runtime code by contract name: an address whose code is one of these is named after it. */
  readonly runtimes: ReadonlyMap<string, Uint8Array>;
}

export interface RenderedStep {
  readonly function: string;
  /** The call decoded: `transfer(to=0xAb…, amount=5)`, or its calldata in hex. */
  readonly call: string;
  readonly caller: string;
  readonly value: string;
  readonly calldata: string;
}

export interface RenderedCounterexample {
  /** How the replay failed, with revert data decoded. */
  readonly failure: string;
  /** The assertion's message, when the failing run gave one (`x mod 7 must be 3`). */
  readonly message: string | undefined;
  /** What the replay logged, in order: console.log lines and ds-test log events. */
  readonly logs: readonly string[];
  readonly storage: readonly { readonly address: string; readonly slot: string; readonly value: string }[];
  readonly calls: readonly RenderedStep[];
  /** The replay's call trace, one line per entry; undefined when it could not be replayed (`traceError`). */
  readonly trace: readonly string[] | undefined;
  readonly traceError: string | undefined;
}

const address = (value: bigint) => toChecksumAddress(`0x${value.toString(16).padStart(40, "0")}`);

/** A call of a counterexample, decoded with the ABI of the contract it calls (`Contract.signature` for invariant steps). */
export function decodeStep(abis: ReadonlyMap<string, Abi>, contract: string, step: CallStep): string {
  const [owner, signature] = step.function.includes(".") ? step.function.split(/\.(.*)/s) : [contract, step.function];
  const abi = abis.get(owner!);
  if (abi === undefined || signature === "(calldata)") return bytesToHex(step.calldata);
  try {
    const decoded = decodeCall(abi, step.calldata);
    return formatCall(decoded.function as AbiFunction, decoded.args);
  } catch {
    return `${signature} with calldata ${bytesToHex(step.calldata)}`;
  }
}

/** Revert data explained by the ABI (Error(string), Panic, custom errors). */
export function describeRevertData(data: Uint8Array, abi: Abi | undefined): string {
  const reason = decodeRevert(data, abi ?? []);
  switch (reason.kind) {
    case "empty":
      return "revert (no data)";
    case "error":
      return `revert: Error(${JSON.stringify(reason.message)})`;
    case "panic":
      return `revert: Panic(0x${reason.code.toString(16)}): ${reason.reason}`;
    case "custom":
      return `revert: ${formatCall({ name: reason.error.name, inputs: reason.error.inputs }, reason.args)}`;
    default:
      return `revert with ${bytesToHex(data)}`;
  }
}

/** The replay's failure as the engine states it, with `revert with 0x…` decoded. */
export function describeFailure(failure: string, abi: Abi | undefined): string {
  const raw = /^revert with (0x[0-9a-f]*)$/.exec(failure);
  return raw === null ? failure : describeRevertData(hexToBytes(raw[1]!, "revert data"), abi);
}

/** The cheatcodes the engine serves, as an ABI, so that a trace decodes `VM::prank(0x…)` like any call. */
const CHEATCODES: Abi = [...CHEATCODE_SIGNATURES.values()].map((signature) => parseSignature(signature));

/** forge's CheatcodeError(string), with which a failed vm.assert* reverts: decoded whether or not the test's Vm.sol declares it. */
const FORGE_CHEATCODE_ERROR: AbiCustomError = { kind: "error", name: "CheatcodeError", inputs: parseSignature(FORGE_CHEATCODE_ERROR_SIGNATURE).inputs };

function errorsOf(context: DecodingContext): Abi {
  return [FORGE_CHEATCODE_ERROR, ...[...context.abis.values()].flat().filter((item) => item.kind === "error")];
}

/** Names addresses as the trace shows them: the contract whose code is there, console, VM, or the address. */
class Names {
  private readonly byAddress = new Map<bigint, string>([
    [CONSOLE_ADDRESS, "console"],
    [HEVM_ADDRESS, "VM"],
  ]);

  constructor(
    private readonly context: DecodingContext,
    codes: ReadonlyMap<bigint, Uint8Array>,
    /** The property's contract (or "bytecode"), which is what runs at the test address when no compiled code matches. */
    subject: string,
  ) {
    const hexes = new Map([...context.runtimes].map(([name, code]) => [bytesToHex(code), name]));
    for (const [where, code] of codes) {
      const name = hexes.get(bytesToHex(code));
      if (name !== undefined && !this.byAddress.has(where)) this.byAddress.set(where, name);
    }
    if (!this.byAddress.has(TEST_CONTRACT)) this.byAddress.set(TEST_CONTRACT, subject);
  }

  name(where: bigint): string {
    return this.byAddress.get(where) ?? address(where);
  }

  abi(where: bigint): Abi | undefined {
    if (where === HEVM_ADDRESS) return CHEATCODES;
    const name = this.byAddress.get(where);
    return name === undefined ? undefined : this.context.abis.get(name);
  }

  /** Revert data is decoded with every error the contracts declare: a callee's error often bubbles up unchanged. */
  errors(): Abi {
    return errorsOf(this.context);
  }

  /** Every event the contracts declare, and ds-test's: a log is decoded by its topic whoever emitted it. */
  events(): Abi {
    return [...DS_TEST_EVENTS, ...[...this.context.abis.values()].flat().filter((item) => item.kind === "event")];
  }
}

/** What the replay logged, as forge prints it under "Logs:": console.log lines and ds-test events, in order. */
function logLines(calls: readonly TracedCall[]): string[] {
  const lines: string[] = [];
  const visit = (call: TracedCall) => {
    if (call.address === CONSOLE_ADDRESS) {
      const line = formatConsoleLog(call.input);
      if (line !== undefined) lines.push(line);
    }
    for (const child of call.children) {
      if (child.kind === "call") visit(child);
      else {
        const line = formatDsTestLog(child.topics, child.data);
        if (line !== undefined) lines.push(line);
      }
    }
  };
  calls.forEach(visit);
  return lines;
}

/**
 * The assertion's message: the first ds-test `Error: …` line (forge-std's `assertEq(a, b, "msg")`
 * logs "Error: msg" before the generic "Error: a == b not satisfied"), else the reason of the
 * last call's revert.
 */
function assertionMessage(logs: readonly string[], calls: readonly TracedCall[], context: DecodingContext): string | undefined {
  const logged = logs.find((line) => line.startsWith("Error: "));
  if (logged !== undefined) return logged.slice("Error: ".length);
  const last = calls.at(-1)?.result;
  if (last?.kind !== "revert") return undefined;
  const reason = decodeRevert(last.output, errorsOf(context));
  if (reason.kind === "error") return reason.message;
  // A failed vm.assert*: its message is forge's whole assertion text.
  if (reason.kind === "custom" && reason.error === FORGE_CHEATCODE_ERROR) return reason.args[0] as string;
  if (reason.kind === "custom") return formatCall({ name: reason.error.name, inputs: reason.error.inputs }, reason.args);
  return undefined;
}

function describeCall(call: TracedCall, names: Names): string {
  const target = names.name(call.type === "delegatecall" ? call.codeAddress : call.address);
  const value = call.value === 0n || call.type === "delegatecall" ? "" : `{value: ${call.value}}`;
  const kind = call.type === "call" ? "" : ` [${call.type}]`;
  if (call.type === "create") return `new ${names.name(call.address)}@${address(call.address)}${value}`;
  if (call.address === CONSOLE_ADDRESS) return `console::log(${JSON.stringify(formatConsoleLog(call.input) ?? bytesToHex(call.input))})${kind}`;
  const abi = names.abi(call.type === "delegatecall" ? call.codeAddress : call.address);
  if (abi !== undefined) {
    try {
      const decoded = decodeCall(abi, call.input);
      return `${target}::${formatCall(decoded.function as AbiFunction, decoded.args)}${value}${kind}`;
    } catch {
      // not one of its functions: shown raw below
    }
  }
  const selector = call.input.length >= 4 ? bytesToHex(call.input.subarray(0, 4)) : "fallback";
  return `${target}::${selector}(${bytesToHex(call.input.subarray(Math.min(4, call.input.length)))})${value}${kind}`;
}

function describeResult(call: TracedCall, result: TracedResult | undefined, names: Names): string {
  if (result === undefined) return "← [Unfinished]";
  if (result.kind === "halt") return `← [${result.reason}]`;
  if (result.kind === "revert") return `← [Revert] ${describeRevertData(result.output, names.errors())}`;
  if (call.type === "create") return `← [Return] ${call.input.length} bytes of initcode`;
  if (result.output.length === 0) return "← [Stop]";
  const abi = names.abi(call.address);
  if (abi !== undefined) {
    try {
      const fn = decodeCall(abi, call.input).function as AbiFunction;
      if (fn.outputs.length === 0) return `← [Return] ${bytesToHex(result.output)}`;
      const values = decodeResult(fn, result.output);
      return `← [Return] ${formatCall({ name: "", inputs: fn.outputs }, values).slice(1, -1)}`;
    } catch {
      // not decodable with its ABI: raw
    }
  }
  return `← [Return] ${bytesToHex(result.output)}`;
}

function describeLog(log: TracedLog, names: Names): string {
  try {
    const decoded = decodeEventLog(names.events(), log.topics, log.data);
    if (decoded !== undefined) return `emit ${formatCall(decoded.event, decoded.args)}`;
  } catch {
    // topics of a known event but data that does not decode: raw
  }
  return `emit log(topics: [${log.topics.map(bytesToHex).join(", ")}], data: ${bytesToHex(log.data)})`;
}

/** Forge's trace layout: each call with the gas it used, then its children, then its result, joined by tree branches. */
function traceLines(call: TracedCall, names: Names): string[] {
  const gas = call.gasUsed === undefined ? "" : `[${call.gasUsed}] `;
  const lines = [`${gas}${describeCall(call, names)}`];
  const items: string[][] = call.children.map((child) => (child.kind === "call" ? traceLines(child, names) : [describeLog(child, names)]));
  items.push([describeResult(call, call.result, names)]);
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    item.forEach((line, j) => lines.push(`${j === 0 ? (last ? "└─ " : "├─ ") : last ? "   " : "│  "}${line}`));
  });
  return lines;
}

/** Everything shown with a counterexample, from the result and its traced replay. */
export function renderCounterexample(result: PropertyResult, context: DecodingContext, replay: ReplayTrace | undefined): RenderedCounterexample | undefined {
  const cex = result.counterexample;
  if (cex === undefined) return undefined;
  const traced = replay !== undefined && "calls" in replay ? replay : undefined;
  const names = new Names(context, traced?.codes ?? new Map(), result.contract);
  const logs = traced === undefined ? [] : logLines(traced.calls);
  return {
    failure: describeFailure(cex.failure, errorsOf(context)),
    message: traced === undefined ? undefined : assertionMessage(logs, traced.calls, context),
    logs,
    storage: (cex.storage ?? []).map((s) => ({ address: address(s.address), slot: `0x${s.slot.toString(16)}`, value: `0x${s.value.toString(16)}` })),
    calls: cex.calls.map((step) => ({
      function: step.function,
      call: decodeStep(context.abis, result.contract, step),
      caller: address(step.caller),
      value: step.value.toString(),
      calldata: bytesToHex(step.calldata),
    })),
    trace: traced?.calls.flatMap((call) => traceLines(call, names)),
    traceError: replay !== undefined && "error" in replay ? replay.error : undefined,
  };
}

/** The counterexample for people, indented under its result line; the trace only when `verbose`. */
export function counterexampleText(rendered: RenderedCounterexample, verbose: boolean): string[] {
  const lines = [`    counterexample (replayed on the spec: ${rendered.failure}):`];
  for (const s of rendered.storage) lines.push(`      storage of ${s.address}: slot ${s.slot} = ${s.value}`);
  for (const step of rendered.calls) lines.push(`      from ${step.caller}${step.value === "0" ? "" : ` value ${step.value}`}: ${step.call}`);
  if (rendered.message !== undefined) lines.push(`    message: ${rendered.message}`);
  if (rendered.logs.length > 0) lines.push("    logs:", ...rendered.logs.map((line) => `      ${line}`));
  if (verbose) {
    if (rendered.trace !== undefined) lines.push("    trace:", ...rendered.trace.map((line) => `      ${line}`));
    else if (rendered.traceError !== undefined) lines.push(`    trace: not available (${rendered.traceError})`);
  }
  return lines;
}

/** The counterexample for machines (`--json`): the trace only when `verbose`. */
export function counterexampleJson(rendered: RenderedCounterexample, verbose: boolean) {
  return {
    failure: rendered.failure,
    message: rendered.message ?? null,
    logs: rendered.logs,
    storage: rendered.storage,
    calls: rendered.calls,
    ...(verbose && { trace: rendered.trace ?? null }),
  };
}
