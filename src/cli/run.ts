/**
 * `svm run`: runs a piece of bytecode as a contract called by a funded account, on any
 * implementation, and prints what came out. The call is a real signed transaction in a one-block
 * world (conformance/single-call.ts), so gas includes the 21000 intrinsic cost and calldata.
 */
import { eip3155Tracer, encodeTraceSummary, summaryOf } from "../../conformance/trace/eip3155.js";
import { isForkName, type CaseOutcome } from "../../conformance/implementation.js";
import { DEFAULT_GAS, SingleCallError, singleCallCase } from "../../conformance/single-call.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { type Command, InputError, UsageError } from "./command.js";
import { implementations } from "./implementations.js";

interface RunArgs {
  readonly code: Uint8Array;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly value: bigint;
  readonly fork: string;
  readonly impl: string;
  readonly trace: boolean;
  readonly json: boolean;
}

const VALUE_FLAGS = ["--code", "--input", "--gas", "--value", "--fork", "--impl"] as const;
const SWITCHES = ["--trace", "--json"] as const;

function hexFlag(flag: string, text: string): Uint8Array {
  try {
    return hexToBytes(text.trim());
  } catch (error) {
    throw new UsageError(`${flag}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A non-negative integer in decimal or 0x-hex. */
function integerFlag(flag: string, text: string): bigint {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) throw new UsageError(`${flag}: expected a decimal or 0x-hex integer, got '${text}'`);
  return BigInt(text);
}

function parseArgs(args: readonly string[]): RunArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if ((SWITCHES as readonly string[]).includes(flag)) {
      switches.add(flag);
    } else if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      if (values.has(flag)) throw new UsageError(`${flag} given twice`);
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown argument '${arg}'`);
    }
  }
  const code = values.get("--code");
  if (code === undefined) throw new UsageError("--code HEX is required");
  const fork = values.get("--fork") ?? "Cancun";
  if (!isForkName(fork)) throw new UsageError(`--fork: unknown fork '${fork}'`);
  const gasText = values.get("--gas");
  const valueText = values.get("--value");
  return {
    code: hexFlag("--code", code),
    input: hexFlag("--input", values.get("--input") ?? ""),
    gas: gasText === undefined ? DEFAULT_GAS : integerFlag("--gas", gasText),
    value: valueText === undefined ? 0n : integerFlag("--value", valueText),
    fork,
    impl: values.get("--impl") ?? "spec",
    trace: switches.has("--trace"),
    json: switches.has("--json"),
  };
}

function outcomeJson(outcome: CaseOutcome): string {
  if (outcome.kind === "rejected") {
    return JSON.stringify({ status: "rejected", error: outcome.error, message: outcome.message, stateRoot: bytesToHex(outcome.stateRoot) });
  }
  return JSON.stringify({
    status: outcome.status,
    output: bytesToHex(outcome.output),
    gasUsed: outcome.gasUsed.toString(),
    stateRoot: bytesToHex(outcome.stateRoot),
    logsHash: bytesToHex(outcome.logsHash),
  });
}

function outcomeText(outcome: CaseOutcome): string {
  if (outcome.kind === "rejected") return `status:   rejected (${outcome.error}: ${outcome.message})`;
  return [`status:   ${outcome.status}`, `gas used: ${outcome.gasUsed}`, `output:   ${bytesToHex(outcome.output)}`].join("\n");
}

let stdoutWatched = false;

/** A trace is long: when its reader stops early (`svm run --trace | head`), stop quietly. Installed once per process. */
function exitQuietlyWhenStdoutCloses(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}

async function run(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  let testCase;
  try {
    testCase = singleCallCase(options);
  } catch (error) {
    if (error instanceof SingleCallError) throw new UsageError(error.message);
    throw error;
  }
  let implementation;
  try {
    implementation = await loadFromRegistry(implementations, options.impl);
  } catch (error) {
    throw new InputError(`--impl: ${error instanceof Error ? error.message : String(error)}`);
  }
  exitQuietlyWhenStdoutCloses();
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const outcome = await implementation.runStateTest(testCase, options.trace ? { tracer: eip3155Tracer(write) } : {});
  if (options.trace && options.json) write(encodeTraceSummary(summaryOf(outcome)));
  else write(options.json ? outcomeJson(outcome) : outcomeText(outcome));
  return outcome.kind === "executed" && outcome.status === "success" ? 0 : 1;
}

export const runCommand: Command = {
  name: "run",
  summary: "run bytecode as a contract called by a funded account; print output, gas used and status",
  help: `Usage: svm run --code HEX [--input HEX] [--gas N] [--value N] [--fork NAME] [--impl NAME] [--trace] [--json]

Installs HEX as the code of a contract and calls it with one signed legacy transaction from a
funded account (the ethereum/tests key 0xa94f5374…0b), in a one-block world, then prints the
top frame's output, the transaction's gas used (intrinsic 21000 + calldata included) and its status.

Options:
  --code HEX     the contract's runtime bytecode (0x optional; required)
  --input HEX    calldata (default empty)
  --gas N        the transaction's gas limit, decimal or 0x-hex (default ${DEFAULT_GAS})
  --value N      wei sent with the call (default 0)
  --fork NAME    Frontier … Cancun, as ethereum/tests names them (default Cancun)
  --impl NAME    spec, src or ethereumjs (default spec)
  --trace        print one EIP-3155 JSON line per executed instruction before the result
  --json         print the result as JSON (with --trace: the EIP-3155 summary line)

Exit code: 0 when the call succeeded, 1 when it reverted, halted exceptionally or was rejected.

Example:
  svm run --code 600160020160005260206000f3 --impl ethereumjs
  (PUSH1 1, PUSH1 2, ADD, MSTORE at 0, RETURN 32 bytes: prints output 0x…03)`,
  run,
};
