/**
 * The human summary `svm audit` prints on a terminal: the counts by severity, one line per finding
 * (severity, id, title, file:line, where, confirmed), the files not analysed with the first line
 * of why, and what the baseline and the dependency filter left out. The full detail is in the
 * written reports.
 */
import { SEVERITIES } from "../finding.js";
import { type AuditReport, filesNotAnalysed, qualifiedName } from "../report-model.js";

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!;
}

export function writeSummary(report: AuditReport): string {
  const confirmed = report.findings.filter((f) => f.confirmed).length;
  const counts = SEVERITIES.map((s) => `${s} ${report.summary[s]}`).join(", ");
  const lines = [`svm audit ${report.target}: ${report.findings.length} finding(s) (${counts}), ${confirmed} confirmed by an exploit`];
  const width = Math.max(0, ...report.findings.map((f) => f.detector.severity.length));
  for (const finding of report.findings) {
    const where = `${finding.location.file}:${finding.location.line}`;
    const tail = finding.confirmed ? "  confirmed" : `  confidence ${finding.detector.confidence}`;
    lines.push(`  ${finding.detector.severity.padEnd(width)}  ${finding.id}  ${finding.detector.title}  ${where}  ${qualifiedName(finding)}${tail}`);
  }
  const failed = filesNotAnalysed(report);
  lines.push(`files: ${report.files.length - failed.length} analysed, ${failed.length} not analysed`);
  for (const file of failed) lines.push(`  ${file.file}: ${firstLine(file.reason)}`);
  if (report.baseline !== undefined) lines.push(`baseline ${report.baseline.file}: ${report.baseline.hidden} finding(s) hidden`);
  if (report.dependencyFindingsDropped !== undefined) lines.push(`dependencies: ${report.dependencyFindingsDropped} finding(s) left out`);
  return `${lines.join("\n")}\n`;
}
