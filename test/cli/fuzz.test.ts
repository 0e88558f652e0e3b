/**
 * `svm fuzz` as a script sees it: the built `svm` run as a subprocess (build first with
 * `npx tsc -p tsconfig.json`). Every divergence it saves replays as diverging with the command it
 * prints, trace-only ones included; bad input exits 2 before any work, without a stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { svm as run } from "./svm-process.js";

const dir = mkdtempSync(join(tmpdir(), "svm-fuzz-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `svm ARGS` run in the temporary folder. */
async function svm(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const result = await run(args, { cwd: dir, timeoutMs: 120_000 });
  return { code: result.code, out: result.stdout, err: result.stderr };
}

/** The `svm fuzz --replay PATH` commands a campaign printed. */
function replayCommands(out: string): string[] {
  return [...out.matchAll(/\(svm fuzz --replay (\S+)\)$/gm)].map((match) => match[1]!);
}

describe("svm fuzz (subprocess)", () => {
  it("saves a trace-only divergence whose printed replay command still diverges (exit 1)", async () => {
    // Seed 10 on Cancun, strict: run 2 diverges in the trace only (ethereumjs puts a failed code
    // deposit on RETURN, or traces CLZ, undefined before Osaka, as INVALID, as far as shrinking gets in 1 s).
    const campaign = await svm("fuzz", "--a", "spec", "--b", "ethereumjs", "--strict", "--fork", "Cancun", "--runs", "3", "--seed", "10", "--shrink-time", "1", "--out", "found");
    expect(campaign.code).toBe(1);
    expect(campaign.out).toMatch(/^2 passed, 1 failed$/m);
    expect(campaign.out).toContain("first diverging trace line");
    const files = replayCommands(campaign.out);
    expect(files).toHaveLength(1);
    const record = Object.values(JSON.parse(readFileSync(join(dir, files[0]!), "utf8")) as Record<string, { _info: { svmFuzz: Record<string, unknown> } }>)[0]!._info.svmFuzz;
    expect(record).toMatchObject({ a: "spec", b: "ethereumjs", strict: true, seed: 10, run: 2, differences: [] });

    const replay = await svm("fuzz", "--replay", files[0]!);
    expect(replay.code).toBe(1);
    expect(replay.out).toContain("spec and ethereumjs still diverge, as recorded: trace");
    expect(replay.err).toBe("");

    // Against itself the case no longer diverges.
    const fixed = await svm("fuzz", "--replay", files[0]!, "--b", "spec");
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("spec and spec no longer diverge");
  }, 120_000);

  it("takes a negative seed and exits 0 when nothing diverged", async () => {
    const { code, out } = await svm("fuzz", "--b", "spec", "--seed", "-5", "--runs", "2", "--out", "none");
    expect(code).toBe(0);
    expect(out).toContain("seed -5");
    expect(out.trim().split("\n").at(-1)).toBe("2 passed, 0 failed");
  });

  it("refuses bad input with exit 2 and a message without a stack trace, before any run", async () => {
    writeFileSync(join(dir, "a-file"), "");
    writeFileSync(join(dir, "plain.json"), "{}");
    for (const args of [
      ["--b", "spec", "--out", "a-file/sub"],
      ["--b", "spec", "--runs", "--strict"],
      ["--b", "spec", "--seed", "x"],
      ["--b", "nope"],
      ["--a", "spec"],
      ["--replay", "missing.json"],
      ["--replay", "plain.json"],
      ["--replay", "missing.json", "--runs", "5"],
      ["--b", "spec", "--fork", "Osakaa"],
      ["--replay", "missing.json", "--fork", "Osaka"],
    ]) {
      const { code, out, err } = await svm("fuzz", ...args);
      expect(code, args.join(" ")).toBe(2);
      expect(out, args.join(" ")).not.toContain("fuzzing");
      expect(err, args.join(" ")).toMatch(/^svm fuzz: /);
      expect(err, args.join(" ")).not.toMatch(/^\s+at /m);
    }
  });

  it("documents --replay and ends its help with the exit codes", async () => {
    const { code, out } = await svm("fuzz", "--help");
    expect(code).toBe(0);
    expect(out).toContain("--replay FILE");
    expect(out.trim().split("\n").at(-1)).toMatch(/^ {2}2 {2}usage or input error/);
  });
});
