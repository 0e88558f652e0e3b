/**
 * How `svm prove` states its verdicts: each result's tag, the summary line, and the exit code
 * (src/cli/exit-codes.ts). A pass within bounds is never a plain pass: its tag names each bound,
 * it is counted apart, and it fails the exit code unless the caller accepts bounded passes.
 */
import type { PropertyResult, Status } from "../../proofs/prove.js";
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
