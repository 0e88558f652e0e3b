/**
 * `svm prove` against the property suite (test/proofs/properties, manifest.json): every unsafe
 * property must fail with a counterexample that replayed concretely, and no safe property may fail
 * (pass or unknown are both acceptable for it). The manifest states verdicts in forge's
 * convention, so the suite runs with --revert-fails. Each property gets SVM_PROVE_TIMEOUT seconds
 * (default 20).
 *
 * Each suite file runs in its own `svm prove` process. z3-solver's WebAssembly build has been seen,
 * rarely, to crash inside one of its threads; the solver pool replaces such a worker and answers its
 * query `unknown` (its reason names the solver worker), which may cost an unsafe property its
 * counterexample. A file whose run met such a crash, or whose process crashed or outlived its time
 * limit, is run once more; so is a file where an unsafe property ran out of its time budget.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest, SUITE_DIR } from "./properties/manifest.js";

const SVM = join(import.meta.dirname, "../../bin/svm.js");
const TIMEOUT_SECONDS = Number(process.env.SVM_PROVE_TIMEOUT ?? "20");
/** Wall-clock limit of one file's process: every property at its full budget, twice over. */
const PROCESS_LIMIT_MS = 20 * 2 * TIMEOUT_SECONDS * 1000;
const ATTEMPTS = 2;

interface ProveResult {
  readonly contract: string;
  readonly function: string;
  readonly status: "pass" | "bounded" | "fail" | "unknown";
  readonly reason: string | null;
  readonly counterexample: { readonly calls: readonly unknown[]; readonly failure?: string } | null;
}

const manifest = loadManifest();
const files = [...new Set(manifest.map((entry) => entry.file))].sort();

/** Runs `svm prove FILE --revert-fails` and reads its JSON report; undefined if the process crashed or hung. */
function proveFile(file: string): { results: ProveResult[] } | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), "svm-prove-suite-"));
  const json = join(dir, "results.json");
  try {
    const run = spawnSync(
      process.execPath,
      [SVM, "prove", join(SUITE_DIR, file), "--revert-fails", "--timeout", String(TIMEOUT_SECONDS), "--json", json],
      { encoding: "utf8", timeout: PROCESS_LIMIT_MS, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
    );
    // Exit 0: nothing failed; 1: some property failed. Anything else is a crash or a kill.
    if ((run.status !== 0 && run.status !== 1) || !existsSync(json)) {
      return { error: `exit ${run.status ?? run.signal}: ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}` };
    }
    return JSON.parse(readFileSync(json, "utf8")) as { results: ProveResult[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function proveFileWithRetry(file: string): ProveResult[] {
  const unsafe = new Set(manifest.filter((e) => e.file === file && e.expected === "fail").map((e) => `${e.contract}.${e.function}`));
  const errors: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const outcome = proveFile(file);
    if ("results" in outcome) {
      // A solver crash, or an unsafe property whose search ran out of its budget on a machine busy
      // with the other suites (seen with the Vault invariant), earns the file a second run; the
      // verdict asked of that run is the same.
      const crashed = outcome.results.find(
        (r) => r.status === "unknown" && (/solver worker/.test(r.reason ?? "") || (unsafe.has(`${r.contract}.${r.function}`) && /time budget/.test(r.reason ?? ""))),
      );
      if (crashed === undefined || attempt === ATTEMPTS) return outcome.results;
      errors.push(`attempt ${attempt}: ${crashed.function}: ${crashed.reason}`);
      continue;
    }
    errors.push(`attempt ${attempt}: ${outcome.error}`);
  }
  throw new Error(`svm prove ${file} did not finish:\n${errors.join("\n")}`);
}

for (const file of files) {
  describe(file, () => {
    it("gives every property its expected verdict", { timeout: ATTEMPTS * PROCESS_LIMIT_MS + 60_000 }, () => {
      const results = proveFileWithRetry(file);
      for (const entry of manifest.filter((e) => e.file === file)) {
        const result = results.find((r) => r.contract === entry.contract && r.function === entry.function);
        const what = `${entry.contract}.${entry.function}`;
        expect(result, `${what} has no result`).toBeDefined();
        if (entry.expected === "fail") {
          expect(result!.status, `${what}: ${result!.reason}`).toBe("fail");
          expect(result!.counterexample?.calls.length, what).toBeGreaterThan(0);
        } else {
          expect(result!.status, `${what} is safe but was refuted: ${JSON.stringify(result!.counterexample)}`).not.toBe("fail");
        }
      }
    });
  });
}
