/**
 * What `svm audit` asks of the audit engine: analyse a target (compile, detect, confirm) and hand
 * back the report's input. The CLI depends on this shape only, so it is tested on a fixture engine
 * and runs on the real one (src/audit/audit-target.ts).
 */
import type { ReportInput } from "./report-model.js";

export interface AuditOptions {
  /** Import root; file paths in the report are relative to it. */
  readonly root: string;
  /** Every import remapping in force (`[context:]prefix=target`); `root/remappings.txt` is read only when there are none. */
  readonly remappings: readonly string[];
  /** Folders searched after the root for a non-relative import (the project's libraries), as solc's include paths. */
  readonly includePaths: readonly string[];
  /** Only this contract's findings and campaign. */
  readonly contract?: string;
  /**
   * `--exclude-dependencies`: which files (relative to the root) are dependencies. They are then
   * compiled only as imports of the project's files, never analysed as targets of their own.
   */
  readonly isDependency?: (file: string) => boolean;
  /** Wall-clock budget of the exploit campaigns, in milliseconds. */
  readonly timeBudgetMs: number;
}

/** The report's input but the tool's name and version, which the caller knows. */
export type AuditResult = Omit<ReportInput, "tool">;

export type Auditor = (target: string, options: AuditOptions) => AuditResult | Promise<AuditResult>;

/** A target the engine cannot audit: missing, no Solidity in it, or no contract of the name asked for. */
export class AuditInputError extends Error {
  readonly code = "AUDIT_INPUT";
}
