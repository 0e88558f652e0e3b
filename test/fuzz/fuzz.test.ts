/**
 * A fixed-seed differential fuzzing batch, spec against src, on every `npm test`: 200 generated
 * state tests must give the same outcome and canonical trace on both. A failure lists each
 * divergence (shrunk for a few seconds only, to keep the suite quick); `svm fuzz --a spec --b src
 * --seed 20261125 --runs 200` reproduces them with full shrinking and writes reproducers.
 */
import { describe, expect, it } from "vitest";
import { fuzz } from "../../conformance/fuzz/campaign.js";
import { divergenceLines } from "../../conformance/fuzz/report.js";
import { specImplementation } from "../../conformance/impls/spec.js";
import { srcImplementation } from "../../src/vm/implementation.js";

const SEED = 20261125;
const RUNS = 200;

describe("differential fuzzing, spec vs src", () => {
  it(`agrees on ${RUNS} generated state tests (seed ${SEED})`, async () => {
    const report = await fuzz({ a: specImplementation, b: srcImplementation, seed: SEED, runs: RUNS, shrinkSeconds: 2 });
    const described = report.divergences.map((d) => divergenceLines(d, "spec", "src").join("\n"));
    expect(report.runs).toBe(RUNS);
    expect(described).toEqual([]);
  }, 600_000);
});
