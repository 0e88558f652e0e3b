/**
 * `npm run mutants` (src/mutants): the catalogue applies to the current build, the options are
 * checked, and a small budget kills two boundary mutants that the generator's sweeps and
 * return-data blocks target and one fault of the compile tier (against src-compiled). The full
 * measurement (2,000 runs, every mutant) is not part of the suite: docs/fuzzing.md gives its
 * figures and command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { implementationUnderTest, MUTANTS } from "../../src/mutants/catalogue.js";
import { HELP, parseMutantsArgs, runMutants } from "../../src/mutants/main.js";
import { MutantPatchError, occurrences, patchText } from "../../src/mutants/plant.js";
import type { MutantsReport } from "../../src/mutants/report.js";
import { UsageError } from "../../src/cli/command.js";

describe("the mutant catalogue", () => {
  it("has at least 26 mutants with unique names, each patching text found exactly once in the build", () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(26);
    expect(new Set(MUTANTS.map((m) => m.name)).size).toBe(MUTANTS.length);
    for (const mutant of MUTANTS) {
      const text = readFileSync(new URL(`../../dist/src/vm/${mutant.file}`, import.meta.url), "utf8");
      expect(occurrences(text, mutant.find), mutant.name).toBe(1);
      expect(patchText(mutant, text), mutant.name).not.toBe(text);
    }
  });

  it("runs every mutant of the compile tier against src-compiled, and no other", () => {
    const compiled = MUTANTS.filter((m) => m.file.startsWith("compile/"));
    expect(compiled.length).toBeGreaterThanOrEqual(8);
    for (const mutant of MUTANTS) {
      expect(implementationUnderTest(mutant), mutant.name).toBe(mutant.file.startsWith("compile/") ? "src-compiled" : "src");
    }
  });

  it("refuses a patch whose text is missing", () => {
    expect(() => patchText(MUTANTS[0]!, "nothing here")).toThrow(MutantPatchError);
  });
});

describe("npm run mutants: options", () => {
  it("defaults to 2000 runs, seed 1, every fork and mutant, a 90% target", () => {
    const args = parseMutantsArgs([]);
    expect([args.runs, args.seed, args.target, args.mutants.length, args.json]).toEqual([2000, 1, 90, MUTANTS.length, false]);
  });

  it("--help names every option", () => {
    for (const option of ["--runs", "--seed", "--fork", "--only", "--target", "--timeout", "--json"]) expect(HELP).toContain(option);
  });

  it("rejects an unknown mutant, fork or option", () => {
    expect(() => parseMutantsArgs(["--only", "no-such-mutant"])).toThrow(UsageError);
    expect(() => parseMutantsArgs(["--fork", "Berlin2"])).toThrow(UsageError);
    expect(() => parseMutantsArgs(["--runs", "0"])).toThrow(UsageError);
    expect(() => parseMutantsArgs(["--bogus"])).toThrow(UsageError);
  });
});

describe("npm run mutants: a small budget", () => {
  it("kills BYTE's index limit, RETURNDATACOPY's end and a compile-tier block fault within 60 runs, and exits 0 at a 100% target", async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      const only = "byte-limit-31,returndatacopy-end-exclusive,block-gas-after-includes-own";
      const args = parseMutantsArgs(["--runs", "60", "--only", only, "--target", "100", "--json"]);
      expect(await runMutants(args, () => {})).toBe(0);
    } finally {
      log.mockRestore();
    }
    const report = JSON.parse(printed.join("\n")) as MutantsReport;
    expect(report.outcomes.map((o) => [o.name, o.verdict.killed])).toEqual([
      ["byte-limit-31", true],
      ["returndatacopy-end-exclusive", true],
      ["block-gas-after-includes-own", true],
    ]);
    // Only compiled code has the fault: its campaign ran against src-compiled.
    const tier = report.outcomes[2]!.verdict;
    expect("evidence" in tier && tier.evidence).toContain("src-compiled");
    expect(report.percent).toBe(100);
  }, 60_000);
});
