/**
 * The Markdown report, for people reading it in a pull request or a repository: the summary by
 * severity, then every finding with its stable id, SWC link, location, snippet, description,
 * recommendation and (when an exploit ran) the exploit's transactions and a trace excerpt; then gas
 * per function, coverage, and the files that were not analysed with the reason.
 */
import { type Finding, SEVERITIES } from "../finding.js";
import { type AuditReport, filesNotAnalysed, percent, swcUrl } from "../report-model.js";
import { mdCode, mdFence, mdText } from "./markdown-text.js";

function summarySection(report: AuditReport): string[] {
  const confirmed = report.findings.filter((f) => f.confirmed).length;
  const lines = ["## Summary", "", "| Severity | Findings |", "|---|---:|"];
  for (const severity of SEVERITIES) lines.push(`| ${severity} | ${report.summary[severity]} |`);
  lines.push(`| **total** | **${report.findings.length}** |`, "");
  lines.push(`${confirmed} of ${report.findings.length} confirmed by an exploit run on the SVM; the others are ranked by confidence, not certain.`);
  if (report.baseline !== undefined) {
    lines.push("", `${report.baseline.hidden} finding(s) hidden: their ids appear in the baseline ${mdCode(report.baseline.file)}.`);
  }
  if (report.dependencyFindingsDropped !== undefined) {
    lines.push("", `${report.dependencyFindingsDropped} finding(s) in dependencies (lib/, node_modules/, remapped libraries) left out.`);
  }
  const notAnalysed = filesNotAnalysed(report).length;
  lines.push("", `${report.files.length - notAnalysed} file(s) analysed, ${notAnalysed} not analysed.`);
  return lines;
}

function evidenceLines(finding: Finding): string[] {
  const evidence = finding.evidence;
  if (evidence === undefined) return [];
  // An unconfirmed finding's evidence is the prover's bounded "not reachable" or "undecided" note.
  if (!finding.confirmed) return ["", `**Analysis.** ${mdText(evidence.effect)}`];
  const lines = ["", `**Evidence.** ${mdText(evidence.effect)}`, ""];
  evidence.steps.forEach((step, index) => {
    const to = step.to === "" ? "a new contract" : mdCode(step.to);
    lines.push(`${index + 1}. from ${mdCode(step.from)} to ${to}: ${mdCode(step.call)}, value ${step.value} wei`);
  });
  if (evidence.trace.length > 0) lines.push("", "Trace excerpt:", "", mdFence(evidence.trace.join("\n")));
  return lines;
}

function findingSection(finding: Finding, index: number): string[] {
  const { detector, location } = finding;
  return [
    `### ${index + 1}. ${mdText(detector.title)}`,
    "",
    "| | |",
    "|---|---|",
    `| ID | ${mdCode(finding.id)} |`,
    `| SWC | [${mdText(detector.swc)}](${swcUrl(detector.swc)}) |`,
    `| Category | ${detector.category} |`,
    `| Severity | ${detector.severity} |`,
    `| Confidence | ${detector.confidence} |`,
    `| Confirmed | ${finding.confirmed ? "yes: an exploit ran" : "no"} |`,
    `| Contract | ${mdCode(finding.contract)} |`,
    `| Function | ${finding.function === "" ? "(contract level)" : mdCode(finding.function)} |`,
    `| Location | ${mdCode(`${location.file}:${location.line}`)} |`,
    "",
    mdText(finding.message),
    "",
    mdFence(location.snippet, "solidity"),
    "",
    `**Description.** ${mdText(detector.description)}`,
    "",
    `**Recommendation.** ${mdText(detector.recommendation)}`,
    ...evidenceLines(finding),
  ];
}

function gasSection(report: AuditReport): string[] {
  if (report.gas.length === 0) return ["## Gas per function", "", "No function was called by the campaign."];
  const rows = report.gas.map((g) => `| ${mdCode(g.contract)} | ${mdCode(g.function)} | ${g.calls} | ${g.min} | ${g.avg} | ${g.max} |`);
  return ["## Gas per function", "", "Gas of each transaction calling the function (intrinsic cost included), over the campaign's calls.", "", "| Contract | Function | Calls | Min | Avg | Max |", "|---|---|---:|---:|---:|---:|", ...rows];
}

function notRunLines(report: AuditReport): string[] {
  if (report.campaignsNotRun.length === 0) return [];
  const rows = report.campaignsNotRun.map((c) => `| ${mdCode(c.contract)} | ${mdText(c.reason)} |`);
  return ["", "No campaign ran on:", "", "| Contract | Why |", "|---|---|", ...rows];
}

function coverageSection(report: AuditReport): string[] {
  if (report.coverage.length === 0) return ["## Coverage", "", "No contract was run by the campaign.", ...notRunLines(report)];
  const rows = report.coverage.map(
    (c) => `| ${mdCode(c.contract)} | ${c.instructions.reached} of ${c.instructions.total} (${percent(c.instructions)}) | ${c.blocks.reached} of ${c.blocks.total} (${percent(c.blocks)}) |`,
  );
  return [
    "## Coverage",
    "",
    "Runtime code the exploit campaign executed.",
    "",
    "| Contract | Instructions reached | Blocks reached |",
    "|---|---:|---:|",
    ...rows,
    ...notRunLines(report),
  ];
}

function filesSection(report: AuditReport): string[] {
  const failed = filesNotAnalysed(report);
  if (failed.length === 0) return ["## Files not analysed", "", "None: every file was analysed."];
  const rows = failed.map((f) => `| ${mdCode(f.file)} | ${mdText(f.reason)} |`);
  return ["## Files not analysed", "", "| File | Why |", "|---|---|", ...rows];
}

export function writeMarkdown(report: AuditReport): string {
  const findings =
    report.findings.length === 0 ? ["No finding."] : report.findings.flatMap((finding, index) => [...findingSection(finding, index), ""]);
  const sections = [
    [`# svm audit: ${mdText(report.target)}`, "", mdText(`${report.tool.name} ${report.tool.version}`)],
    summarySection(report),
    ["## Findings", "", ...findings],
    gasSection(report),
    coverageSection(report),
    filesSection(report),
  ];
  return `${sections.map((lines) => lines.join("\n").trimEnd()).join("\n\n")}\n`;
}
