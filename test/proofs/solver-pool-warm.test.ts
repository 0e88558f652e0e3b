/**
 * Solver workers are started and warmed before a property's clock starts: `warm` takes the
 * start-up, and a query sent afterwards is answered without waiting for it. (The bound on the
 * pool's size, `svm prove --solvers`, is checked in test/cli/prove.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { SolverPool } from "../../proofs/z3/solver-pool.js";

const slowStart = new URL("./support/slow-start-worker.mjs", import.meta.url);
const STARTUP_MS = 600;

describe("solver pool start-up", () => {
  it("pays the workers' start-up in warm(), not in the first query", async () => {
    const pool = new SolverPool({ size: 2, script: slowStart });
    try {
      const warming = Date.now();
      await pool.warm();
      expect(Date.now() - warming).toBeGreaterThanOrEqual(STARTUP_MS - 50);
      const asked = Date.now();
      expect((await pool.solve("(check-sat)", 1000, [])).kind).toBe("unsat");
      expect(Date.now() - asked).toBeLessThan(STARTUP_MS / 2);
    } finally {
      await pool.close();
    }
  });

  it("charges a cold pool's first query with the start-up (what warm() spares a property)", async () => {
    const pool = new SolverPool({ size: 1, script: slowStart });
    try {
      const asked = Date.now();
      await pool.solve("(check-sat)", 1000, []);
      expect(Date.now() - asked).toBeGreaterThanOrEqual(STARTUP_MS - 50);
    } finally {
      await pool.close();
    }
  });

  it("resolves ready() on close even when a worker never started", async () => {
    const pool = new SolverPool({ size: 1, script: slowStart });
    const ready = pool.ready();
    await pool.close();
    await expect(ready).resolves.toBeUndefined();
  });
});
