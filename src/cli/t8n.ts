/**
 * `svm t8n`: go-ethereum's transition tool interface (cmd/evm `t8n`), so execution-spec-tests'
 * fillers and goevmlab can drive SVM as they drive geth: a pre-state (alloc), a block (env) and
 * its transactions in; the post state, the block's roots and receipts, and the rejected
 * transactions out. The transition itself is conformance/t8n/transition.ts (on the spec).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FORK_NAMES, isForkName, type ForkName } from "../../interface/implementation.js";
import { parseAlloc, parseEnv, parseTxs, T8nInputError } from "../../conformance/t8n/inputs.js";
import { t8nOutputs } from "../../conformance/t8n/outputs.js";
import { transition } from "../../conformance/t8n/transition.js";
import { eip3155Tracer } from "../../conformance/trace/eip3155.js";
import { LineFile } from "../../conformance/trace/line-file.js";
import { bytesEqual, bytesToHex } from "../../spec/primitives/bytes.js";
import type { Implementation } from "../../interface/implementation.js";
import { ImplementationUnavailableError, loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import type { TransitionResult } from "../../conformance/t8n/transition.js";
import { implementationNames, implementations, isImplementationName } from "./implementations.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { type OptionSpec, parseOptions } from "./options.js";
import { checkOutputFile, checkOutputFolder } from "./output-path.js";

const LATEST: ForkName = "Osaka";

const help = `Usage: svm t8n [--input.alloc F] [--input.env F] [--input.txs F] [--output.result F]
                [--output.alloc F] [--output.body F] [--output.basedir DIR] [--state.fork NAME]
                [--state.chainid N] [--state.reward N] [--trace]

Applies a block's transactions to a pre-state, the way go-ethereum's \`evm t8n\` does, and writes
the post state and the block's result. Each transaction runs in order on the state the previous
one left (on the executable specification); one that is invalid is left out and listed under
"rejected" with its reason. Then the block reward (when positive) and the withdrawals (EIP-4895)
are paid. No system calls are made (EIP-4788, EIP-2935, EIP-7002/7251): env.currentBaseFee and
env.currentExcessBlobGas must be given, they are not derived from the parent block.

Inputs are files, or \`stdin\` for one JSON object {"alloc","env","txs"} read from standard input.
txs is a JSON list of transactions (geth's field names; one with "secretKey" is signed with it)
or a hex string of an RLP list of signed transactions.

Options:
  --input.alloc F        pre-state, address → {balance, nonce, code, storage} (default alloc.json)
  --input.env F          the block: currentCoinbase, currentGasLimit, currentNumber,
                         currentTimestamp, currentDifficulty/currentRandom, currentBaseFee,
                         currentExcessBlobGas, blockHashes, withdrawals (default env.json)
  --input.txs F          the transactions (default txs.json)
  --output.result F      result: stateRoot, txRoot, receiptsRoot, logsHash, logsBloom, receipts,
                         rejected, gasUsed, currentBaseFee, … (default result.json)
  --output.alloc F       the post state, in alloc's shape (default alloc.json)
  --output.body F        rlp([tx, ...]) of the included transactions, as a hex string (default: not written)
  --output.basedir DIR   folder the outputs and traces are written to (default .)
                         (an output named \`stdout\` or \`stderr\` goes there, as one JSON object)
  --state.fork NAME      ${FORK_NAMES.join(", ")} (default ${LATEST})
  --state.chainid N      chain id (default 1)
  --state.reward N       block reward in wei paid to the coinbase; 0 or negative: none (default 0)
  --trace                EIP-3155 trace per transaction: trace-<index>-<txhash>.jsonl in the basedir
  --impl NAME            also run each transaction on NAME (${implementationNames()}) as a
                         state test from the state the spec had before it, and require the same
                         post-state root; differences are listed on stderr and exit 1 (the outputs
                         are the spec's). BLOCKHASH answers as in state tests there.

Example:
  svm t8n --input.alloc alloc.json --input.env env.json --input.txs txs.json --state.fork Cancun --output.basedir out`;

const OPTIONS: readonly OptionSpec[] = [
  { name: "--input.alloc", value: true },
  { name: "--input.env", value: true },
  { name: "--input.txs", value: true },
  { name: "--output.result", value: true },
  { name: "--output.alloc", value: true },
  { name: "--output.body", value: true },
  { name: "--output.basedir", value: true },
  { name: "--state.fork", value: true },
  { name: "--state.chainid", value: true },
  { name: "--state.reward", value: true },
  { name: "--trace", value: false },
  { name: "--impl", value: true },
];

const STREAMS = new Set(["stdout", "stderr"]);

function integer(flag: string, text: string): bigint {
  if (!/^-?[0-9]+$/.test(text)) throw new UsageError(`${flag}: expected an integer, got '${text}'`);
  return BigInt(text);
}

function readJson(flag: string, path: string, stdin: () => Record<string, unknown>, key: string): unknown {
  if (path === "stdin") {
    const value = stdin()[key];
    if (value === undefined) throw new InputError(`${flag} stdin: the JSON on standard input has no "${key}"`);
    return value;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(`${flag}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${flag}: ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function stdinReader(): () => Record<string, unknown> {
  let cached: Record<string, unknown> | undefined;
  return () => {
    if (cached !== undefined) return cached;
    try {
      const parsed = JSON.parse(readFileSync(0, "utf8")) as unknown;
      if (typeof parsed !== "object" || parsed === null) throw new Error("expected a JSON object");
      cached = parsed as Record<string, unknown>;
      return cached;
    } catch (error) {
      throw new InputError(`stdin: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

async function run(args: readonly string[]): Promise<number> {
  const { values, switches, positional } = parseOptions(args, OPTIONS);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const fork = values.get("--state.fork") ?? LATEST;
  if (!isForkName(fork)) throw new UsageError(`--state.fork: unknown fork '${fork}' (one of: ${FORK_NAMES.join(", ")})`);
  const impl = values.get("--impl");
  if (impl !== undefined && !isImplementationName(impl)) throw new UsageError(`--impl: unknown implementation '${impl}' (one of: ${implementationNames()})`);
  const chainId = integer("--state.chainid", values.get("--state.chainid") ?? "1");
  const reward = integer("--state.reward", values.get("--state.reward") ?? "0");
  const basedir = values.get("--output.basedir") ?? ".";
  const outputs = {
    result: values.get("--output.result") ?? "result.json",
    alloc: values.get("--output.alloc") ?? "alloc.json",
    ...(values.has("--output.body") && { body: values.get("--output.body")! }),
  };
  checkOutputFolder("--output.basedir", basedir);
  for (const [name, path] of Object.entries(outputs)) if (!STREAMS.has(path)) checkOutputFile(`--output.${name}`, join(basedir, path));

  const stdin = stdinReader();
  let result;
  let env;
  try {
    const alloc = parseAlloc(readJson("--input.alloc", values.get("--input.alloc") ?? "alloc.json", stdin, "alloc"));
    env = parseEnv(readJson("--input.env", values.get("--input.env") ?? "env.json", stdin, "env"));
    const txs = parseTxs(readJson("--input.txs", values.get("--input.txs") ?? "txs.json", stdin, "txs"), chainId);
    const traceFor = switches.has("--trace")
      ? (index: number, hash: Uint8Array) => {
          const file = new LineFile(join(basedir, `trace-${index}-${bytesToHex(hash)}.jsonl`));
          return { tracer: eip3155Tracer(file.writeLine), done: () => file.close() };
        }
      : undefined;
    result = transition(alloc, env, txs, { fork, chainId, reward, keepCases: impl !== undefined, ...(traceFor !== undefined && { traceFor }) });
  } catch (error) {
    if (error instanceof T8nInputError) throw new InputError(error.message);
    throw error;
  }
  const documents = t8nOutputs(result, env);
  const toStream: Record<string, Record<string, unknown>> = { stdout: {}, stderr: {} };
  for (const [name, path] of Object.entries(outputs) as [keyof typeof documents, string][]) {
    const document = documents[name];
    if (STREAMS.has(path)) toStream[path]![name] = document;
    else writeFileSync(join(basedir, path), `${JSON.stringify(document, null, 2)}\n`);
  }
  for (const stream of ["stdout", "stderr"] as const) {
    if (Object.keys(toStream[stream]!).length > 0) process[stream].write(`${JSON.stringify(toStream[stream], null, 2)}\n`);
  }
  return impl === undefined ? EXIT.held : crossCheck(impl, result.cases);
}

/** Runs each transaction's case on `name`; exit 1 when a post-state root differs from the spec's. */
async function crossCheck(name: string, cases: TransitionResult["cases"]): Promise<number> {
  let implementation: Implementation;
  try {
    implementation = await loadFromRegistry(implementations, name);
  } catch (error) {
    if (error instanceof ImplementationUnavailableError) throw new InputError(`--impl: ${error.message}`);
    throw error;
  }
  let differ = 0;
  try {
    for (const { index, testCase, stateRoot } of cases) {
      const outcome = await implementation.runStateTest(testCase);
      if (!bytesEqual(outcome.stateRoot, stateRoot)) {
        differ++;
        process.stderr.write(`tx ${index}: ${name} reaches ${bytesToHex(outcome.stateRoot)}, the spec ${bytesToHex(stateRoot)}\n`);
      }
    }
  } finally {
    await (implementation as { close?: () => Promise<void> }).close?.();
  }
  return differ > 0 ? EXIT.failed : EXIT.held;
}

export const t8nCommand: Command = {
  name: "t8n",
  summary: "go-ethereum's transition tool: apply a block's transactions to a pre-state",
  help,
  run,
};
