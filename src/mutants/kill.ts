/**
 * One mutant's campaign, run in a child process inside the mutated copy of dist/ (plant.ts):
 * spec against src, run after run of the fixed seed, until the first divergence (the mutant is
 * killed) or the budget is spent (it survived). Prints one JSON line, a KillResult.
 *
 *   node COPY/dist/src/mutants/kill.js RUNS SEED FORK[,FORK...]
 */
import { fuzzRun } from "../../conformance/fuzz/campaign.js";
import { divergenceLines } from "../../conformance/fuzz/report.js";
import { isFuzzFork } from "../../conformance/fuzz/scenario.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { implementations } from "../cli/implementations.js";
import type { KillResult } from "./kill-result.js";

/** Shrinking does not matter here: the first divergence decides, so it gets a token time. */
const SHRINK_SECONDS = 0.001;

const [runsText, seedText, forkList] = process.argv.slice(2);
const forks = (forkList ?? "").split(",").filter(isFuzzFork);
const runs = Number(runsText);
const seed = Number(seedText);
const a = await loadFromRegistry(implementations, "spec");
const b = await loadFromRegistry(implementations, "src");
let result: KillResult = { killed: false, runs };
for (let run = 0; run < runs; run++) {
  const verdict = await fuzzRun({ a, b, seed, forks, shrinkSeconds: SHRINK_SECONDS, strict: true }, run);
  if (verdict.kind === "diverged") {
    const evidence = divergenceLines(verdict.divergence, "spec", "src").slice(1, 3).map((line) => line.trim()).join("; ");
    result = { killed: true, runs: run + 1, evidence };
    break;
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
