/**
 * One mutant's campaign, run in a child process inside the mutated copy of dist/ (plant.ts):
 * spec against src (or src-compiled, for a mutant of the compile tier) on the scenarios of the
 * fixed seed, one after another, until the first divergence (the mutant is killed) or the end of
 * the budget (it survived). Prints one JSON line, a KillResult.
 *
 *   node COPY/dist/src/mutants/kill.js RUNS SEED FORK[,FORK...] IMPLEMENTATION
 *
 * Scenarios are drawn directly, run by run (the campaign's per-run seeds), and never shrunk:
 * only whether a run diverges matters, and no time limit may cut a run short, so the verdict
 * depends on the seed alone, not on the machine's load.
 */
import fc from "fast-check";
import { buildScenario } from "../../conformance/fuzz/build.js";
import { runSeed } from "../../conformance/fuzz/campaign.js";
import { runDifferential } from "../../conformance/fuzz/differential.js";
import { differenceLines } from "../../conformance/fuzz/report.js";
import { isFuzzFork, scenarioArbFor } from "../../conformance/fuzz/scenario.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import { implementations } from "../cli/implementations.js";
import type { KillResult } from "./kill-result.js";

const [runsText, seedText, forkList, bName] = process.argv.slice(2);
const runs = Number(runsText);
const seed = Number(seedText);
const scenarios = scenarioArbFor((forkList ?? "").split(",").filter(isFuzzFork));
const a = await loadFromRegistry(implementations, "spec");
const b = await loadFromRegistry(implementations, bName ?? "src");
let result: KillResult = { killed: false, runs };
for (let run = 0; run < runs; run++) {
  const [scenario] = fc.sample(scenarios, { seed: runSeed(seed, run), numRuns: 1 });
  const diverged = await runDifferential(a, b, buildScenario(scenario!, `mutant-run${run}`).testCase);
  if (!diverged.agree) {
    const evidence = differenceLines(diverged, "spec", b.name).map((line) => line.trim());
    result = { killed: true, runs: run + 1, evidence: evidence.join("; ").slice(0, 300) };
    break;
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
