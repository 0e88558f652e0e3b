/**
 * Reproducer files: a divergence written as a GeneralStateTests JSON file expecting implementation
 * A's outcome (or B's, when A crashed), so `svm statetest --impl B FILE` fails the same way.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CaseOutcome } from "../implementation.js";
import type { Divergence } from "./campaign.js";
import { stateTestJson } from "./state-test-json.js";

export class ReproducerError extends Error {
  readonly code = "FUZZ_REPRODUCER";
}

/** The outcome the reproducer expects: A's, else B's; none when both crashed. */
export function expectedOutcome(divergence: Divergence): CaseOutcome | undefined {
  const { a, b } = divergence.result;
  if (a.ok) return a.outcome;
  return b.ok ? b.outcome : undefined;
}

/** Writes `<dir>/<case id>.json` and returns its path. */
export function writeReproducer(dir: string, divergence: Divergence): string {
  const expected = expectedOutcome(divergence);
  if (expected === undefined) throw new ReproducerError("both implementations crashed, so there is no outcome to expect");
  const name = divergence.built.testCase.id;
  const path = join(dir, `${name}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, stateTestJson(name, divergence.built, expected));
  } catch (error) {
    throw new ReproducerError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return path;
}
