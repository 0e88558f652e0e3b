/**
 * svm prove's solver portfolio from the command line: --solver NAME=COMMAND is parsed and raced,
 * --z3-only races none, --stats prints per property the queries and which solver answered them
 * (the JSON has the same), and a solver that hangs does not hold up the verdict.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { solversLine, statsLine } from "../../src/cli/prove-report.js";
import { svm } from "./svm-process.js";

/** Runtime bytecode whose INVALID is reachable when calldata is at least 200 bytes long. */
const BYTECODE = "0x60c83611600857005bfe";
const hanging = fileURLToPath(new URL("../proofs/support/hanging-solver.sh", import.meta.url));
const installed = (program: string) => spawnSync(program, ["--version"], { stdio: "ignore" }).error === undefined;

describe("svm prove --solver", () => {
  it("refuses a solver without NAME=COMMAND, the name z3, and --solver with --z3-only (exit 2)", async () => {
    for (const args of [["--solver", "cvc5"], ["--solver", "z3=z3 -in"], ["--z3-only", "--solver", "x=cvc5"]]) {
      const result = await svm(["prove", BYTECODE, ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/--solver|--z3-only/);
      expect(result.stdout).toBe("");
    }
  });

  it("races a named solver that hangs without waiting for it, and --stats names it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "svm-prove-solvers-"));
    const json = join(dir, "out.json");
    const started = Date.now();
    const result = await svm(["prove", BYTECODE, "--stats", "--solver", `hangs=${hanging}`, "--json", json], { timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(50_000);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^solvers: z3, .*hangs \(raced; the first definite answer is kept\)$/);
    expect(result.stdout).toContain("[FAIL] bytecode");
    // The hanging solver joins only the queries Z3 has not answered within its head start (proofs/z3/portfolio.ts).
    expect(result.stdout).toMatch(/^ {4}solvers: \d+ queries, answered by .*; time .*z3 \d+ ms/m);
    const report = JSON.parse(readFileSync(json, "utf8")) as { solvers: string[]; results: { stats: { queries: number; answeredBy: Record<string, number>; timeMs: Record<string, number> } }[] };
    expect(report.solvers[0]).toBe("z3");
    expect(report.solvers).toContain("hangs");
    const stats = report.results[0]!.stats;
    expect(stats.queries).toBeGreaterThan(0);
    expect(stats.answeredBy["hangs"]).toBeUndefined();
    expect(Object.values(stats.answeredBy).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("says once that Z3 decides alone with --z3-only", async () => {
    const result = await svm(["prove", BYTECODE, "--stats", "--z3-only"], { timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe("solvers: z3 only (--z3-only)");
    expect(result.stdout).toMatch(/^ {4}solvers: \d+ queries, answered by z3 \d+; time z3 \d+ ms$/m);
  });

  it.skipIf(!installed("cvc5"))("races cvc5 from PATH by default", async () => {
    const result = await svm(["prove", BYTECODE, "--stats"], { timeoutMs: 60_000 });
    expect(result.stdout.split("\n")[0]).toMatch(/^solvers: z3, cvc5/);
  });
});

describe("the --stats lines", () => {
  it("counts queries, answers by solver, undecided ones and time by solver", () => {
    expect(statsLine({ queries: 12, answeredBy: { z3: 8, cvc5: 3 }, undecided: 1, timeMs: { z3: 1200, cvc5: 900 } })).toBe(
      "solvers: 12 queries, answered by z3 8, cvc5 3, 1 undecided; time z3 1200 ms, cvc5 900 ms",
    );
    expect(statsLine({ queries: 0, answeredBy: {}, undecided: 0, timeMs: {} })).toBe("solvers: 0 queries");
  });

  it("says why Z3 is alone", () => {
    expect(solversLine(["z3"], false)).toMatch(/^solvers: z3 only \(no cvc5, bitwuzla, yices-smt2 or boolector on PATH \(scripts\/setup-solvers.sh/);
    expect(solversLine(["z3", "cvc5"], false)).toBe("solvers: z3, cvc5 (raced; the first definite answer is kept)");
  });
});
