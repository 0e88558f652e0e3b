/**
 * The solver pool: real workers answer sat (with the requested values), unsat and unknown; a
 * worker that crashes or hangs is replaced and its query answered `unknown`; a worker script that
 * cannot start makes every query `unknown` instead of retrying forever; closing answers what waits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Solver } from "../../proofs/explore/solver.js";
import { Path } from "../../proofs/explore/path.js";
import { SolverPool } from "../../proofs/z3/solver-pool.js";
import { z3, z3Runtime } from "../../proofs/z3/context.js";

const stub = (name: string) => new URL(`./support/${name}`, import.meta.url);

describe("solver pool with Z3 workers", () => {
  beforeAll(async () => {
    await z3();
  });
  afterAll(async () => {
    await z3Runtime().shutdown();
  });

  it("answers sat with the requested values, unsat, and unknown at the timeout", async () => {
    const { ctx } = z3Runtime();
    const x = ctx.BitVec.const("pool_x", 256);
    const y = ctx.BitVec.const("pool_y", 256);
    const solver = new Solver(10_000, Date.now() + 60_000);
    const path = new Path([], 8);
    const sat = await solver.check([x.add(y).eq(ctx.BitVec.val(10n, 256)), x.eq(ctx.BitVec.val(3n, 256))], path, { values: [y, x.mul(y)] });
    expect(sat.kind).toBe("sat");
    if (sat.kind !== "sat") return;
    expect(sat.model.value(y)).toBe(7n);
    expect(sat.model.value(x.mul(y))).toBe(21n);
    // Not asked for, but decided by the model's constants alone.
    expect(sat.model.value(x.add(ctx.BitVec.val(1n, 256)))).toBe(4n);
    expect(sat.model.truth(x.ult(y))).toBe(true);
    expect((await solver.check([x.ult(y), y.ult(x)], path)).kind).toBe("unsat");
    // A product of two 256-bit words equal to a large semiprime: too hard for a 1 ms budget.
    const hard = new Solver(1, Date.now() + 60_000);
    const p = 340282366920938463463374607431768211297n * 340282366920938463463374607431768211283n;
    const verdict = await hard.check([x.mul(y).eq(ctx.BitVec.val(p, 256)), x.ugt(ctx.BitVec.val(1n, 256)), y.ugt(ctx.BitVec.val(1n, 256))], path);
    expect(verdict.kind).toBe("unknown");
  });
});

describe("solver pool with misbehaving workers", () => {
  it("replaces a worker that crashes, and answers its query unknown", async () => {
    const pool = new SolverPool({ size: 1, script: stub("misbehaving-worker.mjs") });
    try {
      const crashed = await pool.solve("crash", 1000, []);
      expect(crashed).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/exited with code 3/) });
      expect(await pool.solve("sat", 1000, [256])).toMatchObject({ kind: "sat", requested: [7n] });
    } finally {
      await pool.close();
    }
  });

  it("replaces a worker that stops answering past its query's timeout", async () => {
    const pool = new SolverPool({ size: 1, script: stub("misbehaving-worker.mjs"), graceMs: 200 });
    try {
      const hung = await pool.solve("hang", 100, []);
      expect(hung).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/stopped answering/) });
      expect((await pool.solve("unsat", 1000, [])).kind).toBe("unsat");
    } finally {
      await pool.close();
    }
  });

  it("spreads queries over its workers, and answers the ones waiting when closed", async () => {
    const pool = new SolverPool({ size: 2, script: stub("misbehaving-worker.mjs"), graceMs: 60_000 });
    const answers = [pool.solve("hang", 1000, []), pool.solve("sat", 1000, []), pool.solve("unsat", 1000, []), pool.solve("hang", 1000, [])];
    // One worker hangs on the first query; the other answers the next two, then hangs on the last.
    expect((await answers[1])!.kind).toBe("sat");
    expect((await answers[2])!.kind).toBe("unsat");
    await pool.close();
    for (const answer of [answers[0], answers[3]]) expect(await answer).toMatchObject({ kind: "unknown", reason: "solver pool closed" });
    expect(await pool.solve("sat", 1000, [])).toMatchObject({ kind: "unknown", reason: "solver pool closed" });
  });

  it("gives up starting workers that die before they are ready", async () => {
    const pool = new SolverPool({ size: 1, script: stub("failing-worker.mjs") });
    try {
      const answer = await pool.solve("sat", 1000, []);
      expect(answer).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/fail to start/) });
      expect(await pool.solve("sat", 1000, [])).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/fail to start/) });
    } finally {
      await pool.close();
    }
  });
});

describe("stopping a query (another solver of the portfolio answered it)", () => {
  /** Factoring a product of two large primes through a 256-bit multiplier: far longer than the test waits. */
  function factoring(): string {
    const product = ((1n << 61n) - 1n) * ((1n << 89n) - 1n);
    const bound = `(_ bv${1n << 128n} 256)`;
    return [
      "(declare-fun x () (_ BitVec 256))",
      "(declare-fun y () (_ BitVec 256))",
      `(assert (bvult x ${bound}))`,
      `(assert (bvult y ${bound}))`,
      "(assert (bvugt x (_ bv1 256)))",
      "(assert (bvugt y (_ bv1 256)))",
      `(assert (= (bvmul x y) (_ bv${product} 256)))`,
    ].join("\n");
  }

  it("interrupts a running query, answers it unknown, and the worker answers the next one", async () => {
    const pool = new SolverPool({ size: 1 });
    try {
      await pool.warm();
      const stop = new AbortController();
      const started = Date.now();
      setTimeout(() => stop.abort(), 300);
      const answer = await pool.solve(factoring(), 60_000, [], stop.signal);
      expect(answer.kind).toBe("unknown");
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await pool.solve("(declare-fun z () (_ BitVec 8))\n(assert (= z #x01))", 5_000, [])).kind).toBe("sat");
    } finally {
      await pool.close();
    }
  });

  it("takes a waiting query out of the queue", async () => {
    const pool = new SolverPool({ size: 1 });
    try {
      await pool.warm();
      const busy = new AbortController();
      const running = pool.solve(factoring(), 60_000, [], busy.signal);
      const stop = new AbortController();
      const waiting = pool.solve("(declare-fun z () (_ BitVec 8))", 5_000, [], stop.signal);
      stop.abort();
      expect(await waiting).toEqual({ kind: "unknown", reason: "z3 stopped" });
      busy.abort();
      expect((await running).kind).toBe("unknown");
    } finally {
      await pool.close();
    }
  });
});
