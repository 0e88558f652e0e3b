/**
 * The JSON report: the shape issue 10 fixes for machines (`{"findings":[{"id","title","swc",
 * "category","severity","confidence","confirmed","contract","function","file","line", …}]}`), then
 * the summary, the files, gas and coverage. Bigints are decimal strings (JSON numbers lose them
 * past 2^53); keys are written in one fixed order and lists in the model's, so equal reports are
 * equal bytes. It is also what `--baseline` reads back (src/audit/baseline.ts).
 */
import type { Evidence, Finding } from "../finding.js";
import type { AuditReport } from "../report-model.js";

function evidenceJson(evidence: Evidence): object {
  return {
    effect: evidence.effect,
    steps: evidence.steps.map((step) => ({
      from: step.from,
      to: step.to,
      value: step.value.toString(),
      calldata: step.calldata,
      call: step.call,
    })),
    trace: evidence.trace,
  };
}

function findingJson(finding: Finding): object {
  const { detector, location } = finding;
  return {
    id: finding.id,
    title: detector.title,
    swc: detector.swc,
    category: detector.category,
    severity: detector.severity,
    confidence: detector.confidence,
    confirmed: finding.confirmed,
    contract: finding.contract,
    function: finding.function,
    file: location.file,
    line: location.line,
    endLine: location.endLine,
    detector: detector.id,
    message: finding.message,
    description: detector.description,
    recommendation: detector.recommendation,
    snippet: location.snippet,
    ...(finding.evidence === undefined ? {} : { evidence: evidenceJson(finding.evidence) }),
  };
}

/** The report as a JSON value (for `--json` and the `json` format). */
export function jsonReport(report: AuditReport): object {
  return {
    tool: report.tool,
    target: report.target,
    findings: report.findings.map(findingJson),
    summary: {
      ...report.summary,
      total: report.findings.length,
      confirmed: report.findings.filter((f) => f.confirmed).length,
    },
    ...(report.baseline === undefined ? {} : { baseline: report.baseline }),
    ...(report.dependencyFindingsDropped === undefined ? {} : { dependencyFindingsDropped: report.dependencyFindingsDropped }),
    files: report.files.map((f) =>
      f.analysed
        ? { file: f.file, analysed: true, ...(f.compilerVersion === undefined ? {} : { compilerVersion: f.compilerVersion }) }
        : { file: f.file, analysed: false, reason: f.reason },
    ),
    gas: report.gas.map((g) => ({ contract: g.contract, function: g.function, calls: g.calls, min: g.min.toString(), avg: g.avg.toString(), max: g.max.toString() })),
    coverage: report.coverage.map((c) => ({
      contract: c.contract,
      instructions: { reached: c.instructions.reached, total: c.instructions.total },
      blocks: { reached: c.blocks.reached, total: c.blocks.total },
    })),
    campaignsNotRun: report.campaignsNotRun.map((c) => ({ contract: c.contract, reason: c.reason })),
  };
}

export function writeJson(report: AuditReport): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}
