/**
 * `svm run`: runs a piece of bytecode as a contract called by a funded account, on any
 * implementation, and prints what came out. The call is a real signed transaction in a one-block
 * world (conformance/single-call.ts), so gas includes the 21000 intrinsic cost and calldata.
 *
 * The call runs in a worker thread (conformance/interruptible/run.ts), so that `--timeout` and
 * Ctrl-C can end code that would not end, and say how far it got.
 */
import { type CaseOutcome, DEFAULT_FORK, isForkName } from "../../interface/implementation.js";
import { runInterruptibly, type RunProgress } from "../../conformance/interruptible/run.js";
import { TerminalStatus } from "../../conformance/terminal-status.js";
import { DEFAULT_GAS, SingleCallError, singleCallCase } from "../../conformance/single-call.js";
import { compiledSibling } from "../../conformance/state-tests/compiled-path.js";
import { ImplementationUnavailableError } from "../../conformance/state-tests/load-implementation.js";
import { encodeTraceSummary, quantityHex, summaryOf } from "../../conformance/trace/eip3155.js";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { implementationNames, implementations, isImplementationName } from "./implementations.js";
import { type OptionSpec, parseOptions, positiveInteger } from "./options.js";

interface RunArgs {
  readonly code: Uint8Array;
  readonly input: Uint8Array;
  readonly gas: bigint;
  readonly value: bigint;
  readonly fork: string;
  readonly impl: string;
  readonly trace: boolean;
  readonly json: boolean;
  readonly timeoutSeconds?: number;
}

const OPTIONS: readonly OptionSpec[] = [
  { name: "--code", value: true },
  { name: "--input", value: true },
  { name: "--gas", value: true },
  { name: "--value", value: true },
  { name: "--fork", value: true },
  { name: "--impl", value: true },
  { name: "--timeout", value: true },
  { name: "--trace", value: false },
  { name: "--json", value: false },
];

const STDOUT = 1;

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
  const { values, switches, positional } = parseOptions(args, OPTIONS);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}' (the code goes in --code HEX)`);
  const code = values.get("--code");
  if (code === undefined) throw new UsageError("--code HEX is required");
  const fork = values.get("--fork") ?? DEFAULT_FORK;
  if (!isForkName(fork)) throw new UsageError(`--fork: unknown fork '${fork}'`);
  const impl = values.get("--impl") ?? "spec";
  if (!isImplementationName(impl)) {
    throw new UsageError(`--impl: unknown implementation '${impl}' (one of: ${implementationNames()})`);
  }
  const gas = values.get("--gas");
  const value = values.get("--value");
  const timeout = values.get("--timeout");
  return {
    code: hexFlag("--code", code),
    input: hexFlag("--input", values.get("--input") ?? ""),
    gas: gas === undefined ? DEFAULT_GAS : integerFlag("--gas", gas),
    value: value === undefined ? 0n : integerFlag("--value", value),
    fork,
    impl,
    trace: switches.has("--trace"),
    json: switches.has("--json"),
    ...(timeout !== undefined && { timeoutSeconds: positiveInteger("--timeout", timeout) }),
  };
}

/** `--json`: one object; gasUsed in EIP-3155 hex, as in the trace's summary line. */
function outcomeJson(outcome: CaseOutcome): string {
  if (outcome.kind === "rejected") {
    return JSON.stringify({ status: "rejected", error: outcome.error, message: outcome.message, stateRoot: bytesToHex(outcome.stateRoot) });
  }
  return JSON.stringify({
    status: outcome.status,
    output: bytesToHex(outcome.output),
    gasUsed: quantityHex(outcome.gasUsed),
    stateRoot: bytesToHex(outcome.stateRoot),
    logsHash: outcome.logsHash === undefined ? null : bytesToHex(outcome.logsHash),
  });
}

function outcomeText(outcome: CaseOutcome): string {
  if (outcome.kind === "rejected") return `status:   rejected (${outcome.error}: ${outcome.message})`;
  return [`status:   ${outcome.status}`, `gas used: ${outcome.gasUsed}`, `output:   ${bytesToHex(outcome.output)}`].join("\n");
}

/** A run shorter than this shows no status line. */
const STATUS_AFTER_MS = 1000;

function statusText(progress: RunProgress): string {
  const seconds = Math.floor(progress.elapsedMs / 1000);
  return `running ${seconds} s: ${progress.steps} steps, at pc ${progress.pc} (depth ${progress.depth}); Ctrl-C stops`;
}

function stopMessage(reason: "timeout" | "interrupted", progress: RunProgress, timeoutSeconds: number | undefined): string {
  const seconds = (progress.elapsedMs / 1000).toFixed(1);
  const cause = reason === "timeout" ? `stopped by --timeout ${timeoutSeconds}` : "interrupted (Ctrl-C)";
  const where = progress.steps === 0 ? "before the first step" : `reached pc ${progress.pc} (depth ${progress.depth})`;
  return `${cause} after ${seconds} s: ${progress.steps} steps, ${where}; the call did not finish`;
}

/** The worker's entry needs this registry as compiled JS (dist/ when running from the sources). */
function registryModule(): string {
  return compiledSibling(import.meta.url, "implementations");
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
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once("SIGINT", onSigint);
  const status = new TerminalStatus(process.stderr, statusText, { redrawMs: 250 });
  let result;
  try {
    result = await runInterruptibly({
      registryModule: registryModule(),
      implementationName: options.impl,
      testCase,
      signal: interrupt.signal,
      onProgress: (progress) => {
        if (progress.elapsedMs >= STATUS_AFTER_MS) status.update(progress);
      },
      ...(options.trace && { traceFd: STDOUT }),
      ...(options.timeoutSeconds !== undefined && { timeoutMs: options.timeoutSeconds * 1000 }),
    });
  } catch (error) {
    if (error instanceof ImplementationUnavailableError) throw new InputError(`--impl: ${error.message}`);
    throw error;
  } finally {
    process.removeListener("SIGINT", onSigint);
    status.clear();
  }
  const write = (line: string) => process.stdout.write(`${line}\n`);
  switch (result.kind) {
    case "trace-closed":
      return EXIT.held;
    case "stopped":
      if (options.json && !options.trace) {
        const { steps, pc, depth } = result.progress;
        write(JSON.stringify({ status: result.reason, steps, pc, depth }));
      }
      console.error(`svm run: ${stopMessage(result.reason, result.progress, options.timeoutSeconds)}`);
      return result.reason === "timeout" ? EXIT.failed : EXIT.interrupted;
    case "finished": {
      const outcome = result.outcome;
      if (options.trace) write(encodeTraceSummary(summaryOf(outcome)));
      else write(options.json ? outcomeJson(outcome) : outcomeText(outcome));
      return outcome.kind === "executed" && outcome.status === "success" ? EXIT.held : EXIT.failed;
    }
  }
}

export const runCommand: Command = {
  name: "run",
  summary: "run bytecode as a contract called by a funded account; print output, gas used and status",
  help: `Usage: svm run --code HEX [--input HEX] [--gas N] [--value N] [--fork NAME] [--impl NAME]
               [--timeout SECONDS] [--trace | --json]

Installs HEX as the code of a contract and calls it with one signed legacy transaction from a
funded account (the ethereum/tests key 0xa94f5374…0b), in a one-block world, then prints the
top frame's output, the transaction's gas used (intrinsic 21000 + calldata included) and its status.

Options:
  --code HEX          the contract's runtime bytecode (0x optional; required)
  --input HEX         calldata (default empty)
  --gas N             the transaction's gas limit, decimal or 0x-hex (default ${DEFAULT_GAS})
  --value N           wei sent with the call (default 0)
  --fork NAME         Frontier … Osaka, as ethereum/tests names them, or SVM (Osaka plus the
                        precompiles of docs/extensions.md) (default ${DEFAULT_FORK})
  --impl NAME         ${implementationNames()} (default spec)
  --timeout SECONDS   stop the call if it has not ended after this long (whole seconds)
  --json              print the result as one JSON object:
                        {"status","output","gasUsed","stateRoot","logsHash"}, gasUsed in 0x-hex
                        as EIP-3155 writes it; a rejected transaction gives {"status":"rejected",
                        "error","message","stateRoot"}
  --trace             stdout becomes EIP-3155 JSON lines only: one per executed instruction, then
                        the summary line {"stateRoot","output","gasUsed","error"} (implies --json)

Output: without --json or --trace, three lines for people (status, gas used in decimal, output).
On a terminal, a run longer than a second shows its steps and pc on a status line (stderr).
A run ended by --timeout or Ctrl-C prints on stderr how many steps it executed and the pc and
depth of the last one; with --json (not --trace) stdout gets {"status":"timeout"|"interrupted",
"steps","pc","depth"}.

For svm run, exit 0 means the call succeeded; 1 that it reverted, halted exceptionally, was
rejected or was stopped by --timeout; 2 a usage or input error; 130 that Ctrl-C stopped it.

Examples:
  svm run --code 600160020160005260206000f3 --impl ethereumjs
    (PUSH1 1, PUSH1 2, ADD, MSTORE at 0, RETURN 32 bytes: output 0x…03)
  svm run --code 5b600056 --fork Cancun --gas 0xffffffffffffffff --timeout 2
    (JUMPDEST, PUSH1 0, JUMP: a loop that would run for hours; stopped after 2 s)`,
  run,
};
