/**
 * The solver portfolio (issue 13): external SMT-LIB 2 solvers answer sat with the requested
 * values and unsat; a race keeps the first definite answer and stops the rest; a solver that
 * hangs or crashes does not hold up the answer; solver outputs are read in every literal form.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSolverSpec, solveExternal, solversOnPath, logicOf, type ExternalSolver } from "../../proofs/z3/external-solver.js";
import { Portfolio } from "../../proofs/z3/portfolio.js";
import { declaredConstants, getValueReply, modelLines } from "../../proofs/z3/smtlib-output.js";
import type { PoolAnswer, SolverPool } from "../../proofs/z3/solver-pool.js";

const support = (name: string) => fileURLToPath(new URL(`./support/${name}`, import.meta.url));
const installed = (program: string) => spawnSync(program, ["--version"], { stdio: "ignore" }).error === undefined;
const stubSolver = (name: string, script: string): ExternalSolver => ({ name, command: [support(script)], dialect: "get-value" });

const zero256 = `#x${"0".repeat(64)}`;
/** x * 3 = 21 over 256 bits, x ≠ 7 + 2^256/3·k aside: the requested value is x. */
const SAT_QUERY = [
  "(declare-fun x () (_ BitVec 256))",
  "(declare-fun flag () Bool)",
  "(declare-fun svm_value_0 () (_ BitVec 256))",
  `(assert (= (bvmul x #x${"0".repeat(63)}3) (_ bv21 256)))`,
  `(assert (bvult x (_ bv100 256)))`,
  "(assert flag)",
  "(assert (= svm_value_0 x))",
].join("\n");
const UNSAT_QUERY = ["(declare-fun x () (_ BitVec 256))", `(assert (bvult x ${zero256}))`].join("\n");

describe("reading solver output", () => {
  it("reads get-value replies in every bit-vector literal form and booleans", () => {
    const values = getValueReply("sat\n((x #x0f) (y #b101) (|odd name| (_ bv42 256)) (b true) (c false))\n");
    expect([...values]).toEqual([["x", 15n], ["y", 5n], ["odd name", 42n], ["b", true], ["c", false]]);
  });

  it("refuses a get-value error rather than inventing values", () => {
    expect(() => getValueReply('sat\n(error "model not available")\n')).toThrow(SyntaxError);
  });

  it("reads Boolector's hexadecimal model lines, booleans as one bit, arrays left out", () => {
    const declared = declaredConstants("(declare-fun x () (_ BitVec 256))\n(declare-fun b () Bool)\n(declare-fun m () (Array (_ BitVec 256) (_ BitVec 8)))");
    expect(declared).toEqual([{ name: "x", width: 256 }, { name: "b", width: 0 }]);
    expect([...modelLines("sat\nx 07\nm[07] 01\nb 1\n", declared)]).toEqual([["x", 7n], ["b", true]]);
  });

  it("names the logic after what the query declares", () => {
    expect(logicOf("(declare-fun x () (_ BitVec 8))")).toBe("QF_BV");
    expect(logicOf("(declare-fun m () (Array (_ BitVec 256) (_ BitVec 8)))")).toBe("QF_ABV");
    expect(logicOf("(declare-fun f ((_ BitVec 256)) (_ BitVec 256))\n(declare-fun m () (Array (_ BitVec 256) (_ BitVec 8)))")).toBe("QF_AUFBV");
  });
});

describe("--solver NAME=COMMAND", () => {
  it("splits the command at whitespace and keeps a known solver's dialect", () => {
    expect(parseSolverSpec("mine=/opt/bin/solver --smt2 -q")).toEqual({ name: "mine", command: ["/opt/bin/solver", "--smt2", "-q"], dialect: "get-value" });
    expect(parseSolverSpec("boolector=/usr/local/bin/boolector --smt2 -m -x").dialect).toBe("model-lines");
  });

  it("refuses a spec without a name or a command, and the name z3", () => {
    expect(() => parseSolverSpec("cvc5")).toThrow(/NAME=COMMAND/);
    expect(() => parseSolverSpec("=cvc5")).toThrow(/NAME=COMMAND/);
    expect(() => parseSolverSpec("cvc5=  ")).toThrow(/NAME=COMMAND/);
    expect(() => parseSolverSpec("z3=z3 -in")).toThrow(/z3/);
  });
});

// The project's setup installs both (scripts/setup-solvers.sh, run by .ci/run); elsewhere these need them.
for (const name of ["cvc5", "boolector"]) {
  describe.skipIf(!installed(name))(`${name} as an external solver`, () => {
    const solver = () => solversOnPath().find((s) => s.name === name)!;

    it("is found on PATH", () => {
      expect(solver()).toBeDefined();
    });

    it("answers sat with the requested values and the model's constants", async () => {
      const answer = await solveExternal(solver(), SAT_QUERY, 20_000, [256]);
      expect(answer).toMatchObject({ kind: "sat", requested: [7n] });
      if (answer.kind !== "sat") throw new Error("not sat");
      expect(answer.constants).toEqual(expect.arrayContaining([{ name: "x", width: 256, value: 7n }, { name: "flag", width: 0, value: true }]));
    });

    it("answers unsat", async () => {
      expect(await solveExternal(solver(), UNSAT_QUERY, 20_000, [])).toEqual({ kind: "unsat" });
    });

    // Z3 prints an unsigned product's overflow check (the engine's MUL and MULMOD lemmas) as bvumul_noovfl.
    // Skipped for Boolector 1.x: its SMT-LIB front end has no define-fun ("unsupported command"), so it answers such queries unknown.
    it.skipIf(name === "boolector")("knows Z3's bvumul_noovfl, bvsmul_noovfl and bvsmul_noudfl", async () => {
      const query = (check: string, x: bigint, y: bigint) =>
        [`(declare-fun x () ${"(_ BitVec 256)"})`, `(assert (= x (_ bv${x} 256)))`, `(assert (${check} x (_ bv${y} 256)))`].join("\n");
      const minusOne = (1n << 256n) - 1n;
      expect(await solveExternal(solver(), query("bvumul_noovfl", 1n << 128n, 1n << 128n), 20_000, [])).toEqual({ kind: "unsat" });
      expect((await solveExternal(solver(), query("bvumul_noovfl", 1n << 128n, (1n << 128n) - 1n), 20_000, [])).kind).toBe("sat");
      expect(await solveExternal(solver(), query("bvsmul_noovfl", 1n << 128n, 1n << 127n), 20_000, [])).toEqual({ kind: "unsat" });
      expect((await solveExternal(solver(), query("bvsmul_noovfl", minusOne, 1n << 255n), 20_000, [])).kind).toBe("unsat");
      expect((await solveExternal(solver(), query("bvsmul_noudfl", minusOne, (1n << 255n) - 1n), 20_000, [])).kind).toBe("sat");
      expect((await solveExternal(solver(), query("bvsmul_noudfl", 1n << 128n, (1n << 256n) - (1n << 127n) - 1n), 20_000, [])).kind).toBe("unsat");
    });
  });
}

/** A stand-in for the Z3 pool that answers after `ms`, or is stopped by the portfolio's signal. */
function fakePool(answer: PoolAnswer, ms: number, stopped: string[]): () => SolverPool {
  const pool = {
    solve: (_smt: string, _timeout: number, _requested: readonly number[], signal?: AbortSignal) =>
      new Promise<PoolAnswer>((resolve) => {
        const timer = setTimeout(() => resolve(answer), ms);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          stopped.push("z3");
          resolve({ kind: "unknown", reason: "z3 stopped" });
        });
      }),
  } as unknown as SolverPool;
  return () => pool;
}

describe("the race", () => {
  it("keeps the first definite answer and stops the others", async () => {
    const stopped: string[] = [];
    const portfolio = new Portfolio(fakePool({ kind: "unsat" }, 60_000, stopped), [stubSolver("slow", "lying-slow-solver.sh")]);
    const started = Date.now();
    const answer = await portfolio.solve(SAT_QUERY, 30_000, [256]);
    expect(answer).toMatchObject({ kind: "sat", requested: [1n] });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stopped).toEqual(["z3"]);
    const stats = portfolio.takeStats();
    expect(stats).toMatchObject({ queries: 1, answeredBy: { slow: 1 }, undecided: 0 });
    expect(stats.timeMs["slow"]).toBeGreaterThanOrEqual(900);
  });

  it("answers from Z3 first when it is faster, and the slower solver's answer is dropped", async () => {
    const portfolio = new Portfolio(fakePool({ kind: "unsat" }, 10, []), [stubSolver("slow", "lying-slow-solver.sh")]);
    expect(await portfolio.solve(SAT_QUERY, 30_000, [256])).toEqual({ kind: "unsat" });
    expect(portfolio.takeStats().answeredBy).toEqual({ z3: 1 });
  });

  it("is not held up by a solver that hangs or one that crashes; both are tallied", async () => {
    const portfolio = new Portfolio(fakePool({ kind: "unsat" }, 300, []), [stubSolver("hangs", "hanging-solver.sh"), stubSolver("crashes", "crashing-solver.sh")], 0);
    const started = Date.now();
    expect(await portfolio.solve(UNSAT_QUERY, 30_000, [])).toEqual({ kind: "unsat" });
    expect(Date.now() - started).toBeLessThan(10_000);
    const stats = portfolio.takeStats();
    expect(stats.answeredBy).toEqual({ z3: 1 });
    // The hanging one is tallied for the time until it was stopped (killed), not its 600 s.
    expect(Object.keys(stats.timeMs).sort()).toEqual(["crashes", "hangs", "z3"]);
    expect(stats.timeMs["hangs"]).toBeLessThan(10_000);
  });

  it("gives Z3 a head start: an answer within it starts no external solver", async () => {
    const portfolio = new Portfolio(fakePool({ kind: "unsat" }, 10, []), [stubSolver("crashes", "crashing-solver.sh")], 5_000);
    expect(await portfolio.solve(UNSAT_QUERY, 30_000, [])).toEqual({ kind: "unsat" });
    expect(Object.keys(portfolio.takeStats().timeMs)).toEqual(["z3"]);
  });

  it("starts the external solvers as soon as Z3 gives up within its head start", async () => {
    const portfolio = new Portfolio(fakePool({ kind: "unknown", reason: "z3 gave up" }, 10, []), [stubSolver("slow", "lying-slow-solver.sh")], 60_000);
    const started = Date.now();
    expect(await portfolio.solve(SAT_QUERY, 30_000, [256])).toMatchObject({ kind: "sat", requested: [1n] });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("is unknown with every solver's reason when none decides", async () => {
    const portfolio = new Portfolio(fakePool({ kind: "unknown", reason: "solver gave up (timeout)" }, 10, []), [stubSolver("crashes", "crashing-solver.sh"), stubSolver("hangs", "hanging-solver.sh")]);
    const answer = await portfolio.solve(UNSAT_QUERY, 1_000, []);
    expect(answer.kind).toBe("unknown");
    if (answer.kind !== "unknown") throw new Error("decided");
    expect(answer.reason).toContain("solver gave up (timeout)");
    expect(answer.reason).toContain("crashes gave no answer (exit code 139: segmentation fault)");
    expect(answer.reason).toContain("hangs gave up (timeout)");
    expect(portfolio.takeStats()).toMatchObject({ queries: 1, answeredBy: {}, undecided: 1 });
  });

  it.skipIf(!installed("cvc5"))("races real cvc5 against a hanging solver and a crashing one", async () => {
    const cvc5 = solversOnPath().find((s) => s.name === "cvc5")!;
    const portfolio = new Portfolio(fakePool({ kind: "unknown", reason: "z3 gave up" }, 10, []), [cvc5, stubSolver("hangs", "hanging-solver.sh"), stubSolver("crashes", "crashing-solver.sh")]);
    expect(await portfolio.solve(SAT_QUERY, 20_000, [256])).toMatchObject({ kind: "sat", requested: [7n] });
    expect(portfolio.takeStats().answeredBy).toEqual({ cvc5: 1 });
  });
});
