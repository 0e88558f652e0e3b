/**
 * `svm prove --fork` (issue 11): the SVM fork's precompiles through the command. A property that
 * needs a valid Ed25519 signature is `unknown` and names ED25519_VERIFY in the JSON report; an
 * unknown fork is a usage error (exit 2). Runs the built CLI (`npm run build`), as cli.test.ts does.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SVM = join(import.meta.dirname, "../../bin/svm.js");
const FIXTURE = join(import.meta.dirname, "fixtures/SvmVerify.t.sol");

function prove(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    return { status: 0, stdout: execFileSync("node", [SVM, "prove", ...args], { encoding: "utf8", stdio: "pipe" }), stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("svm prove --fork", () => {
  it("checks an SVM verifier under --fork SVM: a property needing a valid signature is unknown, naming the precompile", () => {
    const json = join(mkdtempSync(join(tmpdir(), "svm-fork-")), "out.json");
    const run = prove([FIXTURE, "--fork", "SVM", "--match", "prove_(needs|concrete_rfc)", "--timeout", "10", "--json", json]);
    expect(run.status, run.stdout).toBe(1);
    const results = (JSON.parse(readFileSync(json, "utf8")) as { results: { function: string; status: string; reason?: string }[] }).results;
    const byName = new Map(results.map((r) => [r.function.replace(/\(.*/, ""), r]));
    expect(byName.get("prove_concrete_rfc8032_vector_verifies")?.status).toBe("pass");
    expect(byName.get("prove_needs_valid_signature")?.status).toBe("unknown");
    expect(byName.get("prove_needs_valid_signature")?.reason).toMatch(/^depends on precompile 0x10020 \(ED25519_VERIFY\)/);
  });

  it("refuses an unknown fork with exit 2, listing the forks", () => {
    const run = prove([FIXTURE, "--fork", "Nope"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fork: unknown fork 'Nope' \(one of: .*Cancun.*SVM\)/);
  });
});
