/**
 * @ethereumjs/vm as a state-test binary, so tests (and users) can drive it as an external process
 * through `--impl cmd:'node dist/conformance/peers/ethereumjs-statetest.js'`, exactly as they
 * drive geth's `evm statetest`.
 *
 * Usage: node dist/conformance/peers/ethereumjs-statetest.js FILE...
 * For every case of every file, in file order: its EIP-3155 lines, the summary line and the
 * state-root line on stderr (the statetest protocol of conformance/peers/command-output.ts).
 * Exit code 0 when every file was read, 2 when one could not be.
 */
import { readFileSync } from "node:fs";
import { decodeStateTestFile } from "../formats/state-tests.js";
import { isForkName } from "../../interface/implementation.js";
import { buildCase, listCases } from "../state-tests/cases.js";
import { stateRootLine } from "../state-tests/state-root-line.js";
import { eip3155Tracer, encodeTraceSummary, summaryOf } from "../trace/eip3155.js";
import { LineFile } from "../trace/line-file.js";
import { ethereumjsImplementation } from "./ethereumjs.js";

const STDERR = 2;

async function runFile(path: string, out: LineFile): Promise<boolean> {
  const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
  if (!decoded.ok) {
    process.stdout.write(`${path}: ${decoded.error}\n`);
    return false;
  }
  for (const ref of listCases(path, decoded.tests)) {
    if (!isForkName(ref.fork)) continue;
    const { testCase } = buildCase(ref, ref.fork, decoded.tests.get(ref.testName)!);
    const outcome = await ethereumjsImplementation.runStateTest(testCase, { tracer: eip3155Tracer(out.writeLine) });
    out.writeLine(encodeTraceSummary(summaryOf(outcome)));
    out.writeLine(stateRootLine(outcome));
  }
  return true;
}

async function main(paths: readonly string[]): Promise<number> {
  const out = new LineFile(STDERR);
  try {
    let allRead = true;
    for (const path of paths) allRead = (await runFile(path, out)) && allRead;
    if (paths.length === 0) process.stdout.write("usage: ethereumjs-statetest FILE...\n");
    return paths.length > 0 && allRead ? 0 : 2;
  } finally {
    out.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
