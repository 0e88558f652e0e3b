/**
 * The contract of `svm statetest`, `txtest`, `trietest` and `rlptest` as scripts meet it (the
 * built CLI in a subprocess): exit 0 only when something was checked and held, 1 when a case
 * failed, 2 for a usage or input error — a bad option, a missing path, a selection that matched
 * or checked nothing, an output path that cannot be written — said on stderr without a stack trace.
 * Vectors are single files from the shared ethereum/tests checkout, copied or altered into a
 * temporary folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vectorsRoot } from "../../conformance/vectors-location.js";
import { type SvmResult, svm } from "./svm-process.js";

const VECTORS = vectorsRoot();
const ADD11 = join(VECTORS, "GeneralStateTests/stExample/add11.json");
const HIGH_NONCE = join(VECTORS, "TransactionTests/ttNonce/TransactionWithHighNonce64.json");

let dir: string;
let empty: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "svm-cli-"));
  empty = join(dir, "empty");
  mkdirSync(empty);
  writeFileSync(join(dir, "add11.json"), readFileSync(ADD11));
  // add11 with a wrong expected state root: a case that runs and fails.
  const wrong = JSON.parse(readFileSync(ADD11, "utf8"));
  wrong.add11.post.Cancun[0].hash = `0x${"11".repeat(32)}`;
  writeFileSync(join(dir, "add11-wrong-root.json"), JSON.stringify(wrong));
  // A transaction test with a result for Cancun only, so that --fork Berlin selects nothing.
  const cancunOnly = JSON.parse(readFileSync(HIGH_NONCE, "utf8"));
  cancunOnly.TransactionWithHighNonce64.result = { Cancun: cancunOnly.TransactionWithHighNonce64.result.Cancun };
  writeFileSync(join(dir, "tx-cancun-only.json"), JSON.stringify(cancunOnly));
  // An RLP test whose expected encoding is wrong.
  writeFileSync(join(dir, "rlp-wrong.json"), JSON.stringify({ emptystring: { in: "", out: "0x81" } }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refused(result: SvmResult, message: string | RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code, result.stderr).toBe(2);
}

describe.concurrent("options: one convention, refused with exit 2 and the reason", () => {
  it.each([
    [["statetest", "--impl", "spec", "--json", "--verbose"], "--json needs a value, got the option '--verbose'"],
    [["statetest", "--impl", "spec", "--impl", "src"], "--impl given twice"],
    [["statetest", "--impl", "spec", "--bogus"], "unknown option --bogus"],
    [["statetest", "--impl", "spec", "--fork", "Cancn"], "unknown fork 'Cancn'"],
    [["statetest", "--impl", "spec", "--workers", "0"], "--workers: expected a positive integer, got '0'"],
    [["statetest", "--impl", "spec", "--workers", "two"], "--workers: expected a positive integer, got 'two'"],
    [["statetest", "--impl", "spec", "--workers", "-1"], "--workers: expected a positive integer, got '-1'"],
    [["statetest", "--impl", "spec", "--shard", "3/2"], "--shard"],
    [["statetest", "--impl", "spec", "--filter", "("], "--filter: Invalid regular expression"],
    [["statetest", "--impl", "nope"], "unknown implementation 'nope'"],
    [["statetest"], "--impl is required"],
    [["txtest", "--fork", "Nope"], "unknown fork 'Nope'"],
    [["txtest", "--fork", "--json"], "--fork needs a value, got the option '--json'"],
    [["trietest", "--fork", "Cancun"], "unknown option --fork"],
    [["rlptest", "--json"], "--json needs a value"],
    [["rlptest", "--verbose=yes"], "--verbose takes no value"],
    [["rlptest", "-v", "--verbose"], "--verbose given twice"],
  ])("%j", async (args, message) => {
    const result = await svm(args);
    refused(result, message);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`(see 'svm help ${args[0]}')`);
  });
});

describe.concurrent("paths", () => {
  it.each(["statetest", "txtest", "trietest", "rlptest"])("%s: a missing path is exit 2, naming the folders searched", async (command) => {
    const extra = command === "statetest" ? ["--impl", "spec"] : [];
    const result = await svm([command, "no/such.json", ...extra], { cwd: dir });
    refused(result, `no such file or folder: no/such.json (looked in ${dir}, `);
    expect(result.stdout).toBe("");
  });

  it.each(["statetest", "txtest", "trietest", "rlptest"])("%s: an empty folder is exit 2, nothing to run", async (command) => {
    const extra = command === "statetest" ? ["--impl", "spec"] : [];
    refused(await svm([command, empty, ...extra]), `nothing to run: no *.json file in ${empty}`);
  });

  it("a relative path is looked up in the current folder, then the suite's folder, then the vectors root", async () => {
    const [inCwd, inSuite, inRoot] = await Promise.all([
      svm(["statetest", "add11.json", "--impl", "spec"], { cwd: dir }),
      svm(["statetest", "stExample/add11.json", "--impl", "spec"], { cwd: dir }),
      svm(["trietest", "TrieTests/trieanyorder.json"], { cwd: dir }),
    ]);
    expect([inCwd, inSuite, inRoot].map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [0, "1 passed, 0 failed, 0 skipped\n", ""],
      [0, "1 passed, 0 failed, 0 skipped\n", ""],
      [0, "7 passed, 0 failed, 0 skipped\n", ""],
    ]);
  });

  it("vectors that cannot be found are exit 2, saying how to point svm at them", async () => {
    refused(await svm(["rlptest"], { env: { SVM_TESTS_DIR: join(dir, "absent") } }), `${join(dir, "absent")} (from SVM_TESTS_DIR) does not exist`);
    refused(await svm(["txtest", "--tests", join(dir, "absent")]), `${join(dir, "absent")} (from --tests) does not exist`);
  });
});

describe.concurrent("selections that match or check nothing are exit 2", () => {
  it("statetest --filter that matches no case", async () => {
    refused(await svm(["statetest", ADD11, "--impl", "spec", "--filter", "nomatch"]), "nothing matched: no case in 1 file matched --filter nomatch");
  });

  it("statetest --fork the files lack", async () => {
    const result = await svm(["statetest", ADD11, "--impl", "spec", "--fork", "Frontier"]);
    refused(result, "nothing matched: no case in 1 file matched --fork Frontier");
    expect(result.stdout).toBe("");
  });

  it("txtest --fork the file lacks", async () => {
    refused(await svm(["txtest", join(dir, "tx-cancun-only.json"), "--fork", "Berlin"]), "nothing matched: no case in 1 file matched --fork Berlin");
  });

  it("a run whose every case is skipped checked nothing", async () => {
    const result = await svm(["trietest", "trietestnextprev.json"]);
    refused(result, "nothing checked: all 1 selected cases were skipped (the first: trietestnextprev.json::basic: ");
    expect(result.stdout).toBe("0 passed, 0 failed, 1 skipped\n");
  });
});

describe.concurrent("output paths are checked before the run", () => {
  it.each([
    [["statetest", ADD11, "--impl", "spec", "--json", "/nonexistent-folder/report.json"], "--json: cannot write /nonexistent-folder/report.json"],
    [["statetest", ADD11, "--impl", "spec", "--trace", "/nonexistent-folder/trace.jsonl"], "--trace: cannot write /nonexistent-folder/trace.jsonl"],
    [["statetest", ADD11, "--impl", "spec", "--json", "/"], "--json: / is a folder"],
    [["txtest", HIGH_NONCE, "--json", "/nonexistent-folder/report.json"], "--json: cannot write"],
    [["rlptest", "--json", "/nonexistent-folder/report.json"], "--json: cannot write"],
  ])("%j", async (args, message) => {
    const result = await svm(args);
    refused(result, message);
    // Nothing ran: no summary line.
    expect(result.stdout).toBe("");
  });
});

describe.concurrent("results", () => {
  it("a failing case is exit 1, with its FAIL line before the summary", async () => {
    const result = await svm(["statetest", "add11-wrong-root.json", "--impl", "spec"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL add11-wrong-root\.json::add11::Cancun::d0g0v0: .*\n0 passed, 1 failed, 0 skipped\n$/);
    const rlp = await svm(["rlptest", "rlp-wrong.json"], { cwd: dir });
    expect(rlp.code).toBe(1);
    expect(rlp.stdout).toMatch(/^FAIL rlp-wrong\.json::emptystring: .*\n0 passed, 1 failed, 0 skipped\n$/);
  });

  it("--json writes the report, gasUsed in 0x-hex", async () => {
    const file = join(dir, "report.json");
    const result = await svm(["statetest", ADD11, "--impl", "src", "--json", file]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.summary).toMatchObject({ passed: 1, failed: 0, skipped: 0, total: 1, implementation: "src" });
    expect(report.cases[0]).toMatchObject({ id: "stExample/add11.json::add11::Cancun::d0g0v0", status: "pass", gasUsed: expect.stringMatching(/^0x[0-9a-f]+$/) });
  });
});
