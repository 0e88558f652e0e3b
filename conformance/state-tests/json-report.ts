/**
 * The `--json FILE` report: a summary and one entry per case, for CI dashboards and for
 * comparing two runs.
 *
 *   { "summary": { "passed", "failed", "skipped", "total", "implementation", "fork", "shard",
 *                  "workers", "timeMs" },
 *     "cases": [ { "id", "status": "pass|fail|skip", "reason", "note", "gasUsed", "timeMs" } ] }
 *
 * `reason` and `note` are null when absent; `gasUsed` is 0x-hex as EIP-3155 writes it (the one
 * format svm gives gas in JSON; null when the transaction did not execute); `fork` and `shard`
 * ("I/N") are null when not given.
 */
import { writeFileSync } from "node:fs";
import { quantityHex } from "../trace/eip3155.js";
import type { StateTestRunReport } from "./runner.js";
import type { Shard } from "./shard.js";

export interface ReportContext {
  readonly implementation: string;
  readonly fork?: string;
  readonly shard?: Shard;
}

export function jsonReport(report: StateTestRunReport, context: ReportContext): object {
  return {
    summary: {
      ...report.summary,
      total: report.results.length,
      implementation: context.implementation,
      fork: context.fork ?? null,
      shard: context.shard === undefined ? null : `${context.shard.index}/${context.shard.count}`,
      workers: report.workers,
      timeMs: Math.round(report.timeMs),
    },
    cases: report.results.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason ?? null,
      note: r.note ?? null,
      gasUsed: r.gasUsed === undefined ? null : quantityHex(r.gasUsed),
      timeMs: r.timeMs ?? null,
    })),
  };
}

export function writeJsonReport(file: string, report: StateTestRunReport, context: ReportContext): void {
  writeFileSync(file, `${JSON.stringify(jsonReport(report, context), null, 1)}\n`);
}
