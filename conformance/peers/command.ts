/**
 * `--impl cmd:'COMMAND'`: any EVM with a state-test runner as a peer, driven the way goevmlab
 * drives clients. Each case is written to a temporary GeneralStateTests file, COMMAND runs with
 * the file's path appended (`evm --json statetest FILE`, `revme statetest --json FILE`, …), and
 * what it prints is read back (command-output.ts): EIP-3155 steps go to the run's tracer, the
 * summary line gives gas used, output and status, the last state-root line the post-state root.
 *
 * The file's post entry cannot know the outcome, so it expects the zero root: the client's own
 * pass/fail verdict (and hence its exit code) means nothing here and is not read. A transaction
 * the client refused is recognised by its root: an executed transaction always increments the
 * sender's nonce, so only a refused one leaves the pre-state root.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { bytesEqual } from "../../spec/primitives/bytes.js";
import { decodeTransaction, recoverSender } from "../../spec/transaction/index.js";
import type { Transaction } from "../../spec/transaction/types.js";
import { EMPTY_LOGS_HASH, stateTestFileJson } from "../fuzz/state-test-json.js";
import type { CaseOutcome, FrameStatus, Implementation, RunOptions, StateTestCase } from "../../interface/implementation.js";
import { frameStatusOf } from "./command-halts.js";
import { transactionErrorOfClientText } from "./command-errors.js";
import { parseCommandOutput, type CommandOutput } from "./command-output.js";
import { stateRootOf } from "./state-root-of.js";

/** The prefix of `--impl cmd:COMMAND`. */
export const COMMAND_PREFIX = "cmd:";

/** ethereum/tests' state tests run on chain id 1. */
const CHAIN_ID = 1n;
/** A case that runs longer than this is taken as a hung client. */
const TIMEOUT_MS = 120_000;
/** How much of a failing command's stderr an error quotes. */
const QUOTED_CHARS = 600;

/** The command cannot be run, crashed, or printed no state root: a problem with the command, not a verdict. */
export class CommandPeerError extends Error {
  readonly code = "COMMAND_PEER";
  override readonly name = "CommandPeerError";
}

/** The program a command line starts: its first word after any `NAME=value` environment settings. */
function programOf(command: string): string | undefined {
  return command.trim().split(/\s+/).find((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
}

/** Refuses, before any case runs, a command whose program the shell cannot find. */
function requireProgram(command: string): void {
  const program = programOf(command);
  if (program === undefined) throw new CommandPeerError("cmd: needs a command, e.g. cmd:'evm --json statetest'");
  const found = spawnSync("/bin/sh", ["-c", `command -v ${program}`], { stdio: "ignore" });
  if (found.status !== 0) throw new CommandPeerError(`'${command}': '${program}' is not a command on this machine (not found on PATH)`);
}

/**
 * The transaction and its sender, for the file's `transaction` section. A transaction that does
 * not decode or whose signature recovers nothing is still written (its `txbytes` are what the
 * client is asked to refuse), with placeholder fields.
 */
function transactionParts(testCase: StateTestCase): { transaction: Transaction; sender: bigint } {
  try {
    const transaction = decodeTransaction(testCase.txBytes);
    let sender = 0n;
    try {
      sender = recoverSender(transaction, SCHEDULES[testCase.fork], CHAIN_ID);
    } catch {
      // An invalid signature: the client must refuse the txbytes; the sender field is moot.
    }
    return { transaction, sender };
  } catch {
    const placeholder: Transaction = { type: 0, nonce: 0n, gasPrice: 0n, gasLimit: 0n, to: null, value: 0n, data: new Uint8Array(0), v: 27n, chainId: null, accessList: [], r: 0n, s: 0n };
    return { transaction: placeholder, sender: 0n };
  }
}

interface Completed {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function quoteForShell(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

function runCommand(command: string, file: string): Promise<Completed> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", `${command} ${quoteForShell(file)}`], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new CommandPeerError(`cannot run '${command}': ${error.message}`));
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
}

function tail(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= QUOTED_CHARS ? trimmed : `…${trimmed.slice(-QUOTED_CHARS)}`;
}

/** Why the command's run gave no usable outcome, naming the command. */
function failureOf(command: string, run: Completed): CommandPeerError {
  if (run.status === 127) return new CommandPeerError(`'${command}': command not found (${tail(run.stderr)})`);
  if (run.signal !== null) return new CommandPeerError(`'${command}' was killed by ${run.signal}${run.signal === "SIGKILL" ? ` (no result within ${TIMEOUT_MS / 1000} s?)` : ""}: ${tail(run.stderr)}`);
  return new CommandPeerError(`'${command}' (exit ${run.status}) printed no state root: ${tail(run.stderr || run.stdout) || "no output"}`);
}

/** The frame status the summary's error text names, or a CommandPeerError for words SVM does not know. */
function statusOf(command: string, error: string | undefined): FrameStatus {
  const status = frameStatusOf(error);
  if (status === undefined) throw new CommandPeerError(`'${command}' ended the transaction with an error SVM does not recognise: ${error}`);
  return status;
}

function outcomeOf(command: string, testCase: StateTestCase, output: CommandOutput, root: Uint8Array): CaseOutcome {
  if (bytesEqual(root, stateRootOf(testCase.pre))) {
    const text = output.summary?.error ?? output.error ?? "";
    const error = transactionErrorOfClientText(text);
    if (error === undefined) {
      throw new CommandPeerError(`'${command}' refused the transaction for a reason SVM does not recognise: ${text || "(no reason printed)"}`);
    }
    return { kind: "rejected", stateRoot: root, error, message: text };
  }
  const summary = output.summary;
  if (summary === undefined) {
    throw new CommandPeerError(`'${command}' printed a state root but no summary line with gasUsed: give it its EIP-3155 flag (e.g. geth's --json)`);
  }
  return {
    kind: "executed",
    stateRoot: root,
    ...(output.logsHash !== undefined && { logsHash: output.logsHash }),
    gasUsed: summary.gasUsed,
    output: summary.output,
    status: statusOf(command, summary.error),
  };
}

/** An Implementation that runs each case through `command`. */
export function commandImplementation(command: string): Implementation {
  requireProgram(command);
  return {
    name: `${COMMAND_PREFIX}${command}`,
    async runStateTest(testCase: StateTestCase, options: RunOptions = {}): Promise<CaseOutcome> {
      const folder = mkdtempSync(join(tmpdir(), "svm-cmd-"));
      try {
        const file = join(folder, "case.json");
        const expected = { stateRoot: new Uint8Array(32), logsHash: EMPTY_LOGS_HASH };
        writeFileSync(file, stateTestFileJson("svm_case", { testCase, ...transactionParts(testCase) }, expected));
        const run = await runCommand(command, file);
        const output = parseCommandOutput(run.stderr, run.stdout);
        if (output.stateRoot === undefined || run.status === 127 || run.signal !== null) throw failureOf(command, run);
        if (options.tracer !== undefined && output.unrecognisedErrors.length > 0) {
          throw new CommandPeerError(`'${command}' traced errors SVM does not recognise: ${[...new Set(output.unrecognisedErrors)].join("; ")}`);
        }
        for (const step of output.steps) options.tracer?.step(step);
        return outcomeOf(command, testCase, output, output.stateRoot);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
