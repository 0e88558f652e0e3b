/**
 * How `svm prove` states its verdicts: each result's tag, the summary line, and the exit code
 * (src/cli/exit-codes.ts). A pass within bounds is never a plain pass: its tag names each bound,
 * it is counted apart, and it fails the exit code unless the caller accepts bounded passes.
 */
import type { PropertyResult, Status } from "../../proofs/prove.js";
import { Z3_NAME, type SolverStats } from "../../proofs/z3/portfolio.js";
import { EXIT, type ExitCode } from "./exit-codes.js";

/** `[PASS]`, `[PASS (bounded: loop 16, calldata ≤ 1024 bytes)]`, `[FAIL]` or `[UNKNOWN]`. */
export function tagOf(result: Pick<PropertyResult, "status" | "bounds">): string {
  switch (result.status) {
    case "pass":
      return "[PASS]";
    case "bounded":
      return `[PASS (bounded: ${result.bounds.join(", ")})]`;
    case "fail":
      return "[FAIL]";
    case "unknown":
      return "[UNKNOWN]";
  }
}

/** `N passed, B bounded, M failed, U unknown`, and the files of a folder that could not be checked. */
export function summaryLine(statuses: readonly Status[], filesNotChecked: number): string {
  const count = (status: Status) => statuses.filter((s) => s === status).length;
  const notChecked = filesNotChecked === 0 ? "" : `, ${filesNotChecked} ${filesNotChecked === 1 ? "file" : "files"} not checked`;
  return `${count("pass")} passed, ${count("bounded")} bounded, ${count("fail")} failed, ${count("unknown")} unknown${notChecked}`;
}

/** 0 only when every property selected passed (bounded ones too when accepted) and every file was checked; 1 otherwise. */
export function exitCode(statuses: readonly Status[], filesNotChecked: number, acceptBounded: boolean): ExitCode {
  const held = (status: Status) => status === "pass" || (status === "bounded" && acceptBounded);
  return filesNotChecked === 0 && statuses.every(held) ? EXIT.held : EXIT.failed;
}

/** The solvers raced, said once per run: Z3 alone is named as such, with how to add others. */
export function solversLine(names: readonly string[], z3Only: boolean): string {
  if (names.length > 1) return `solvers: ${names.join(", ")} (raced; the first definite answer is kept)`;
  const why = z3Only ? "--z3-only" : "no cvc5, bitwuzla, yices-smt2 or boolector on PATH (scripts/setup-solvers.sh installs them) and no --solver";
  return `solvers: ${Z3_NAME} only (${why})`;
}

/** `solvers: 12 queries, answered by z3 8, cvc5 3, 1 undecided; time z3 1200 ms, cvc5 900 ms`. */
export function statsLine(stats: SolverStats): string {
  const answered = Object.entries(stats.answeredBy).map(([name, count]) => `${name} ${count}`);
  const time = Object.entries(stats.timeMs).map(([name, ms]) => `${name} ${ms} ms`);
  const parts = [`${stats.queries} ${stats.queries === 1 ? "query" : "queries"}`];
  if (answered.length > 0) parts.push(`answered by ${answered.join(", ")}`);
  if (stats.undecided > 0) parts.push(`${stats.undecided} undecided`);
  if (stats.removedBySimplifier > 0) parts.push(`${stats.removedBySimplifier} removed by the simplifier`);
  if (stats.refined > 0) parts.push(`${stats.refined} refined`);
  return `solvers: ${parts.join(", ")}${time.length > 0 ? `; time ${time.join(", ")}` : ""}`;
}
