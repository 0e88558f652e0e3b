/**
 * The SARIF 2.1.0 report (OASIS Static Analysis Results Interchange Format, errata01), for code
 * scanning tools: one rule per detector (§3.49 reportingDescriptor), one result per finding (§3.27)
 * located by a relative URI and a region with its snippet, the stable finding id as a partial
 * fingerprint (§3.27.17) so a scanner tracks a finding across edits, and the files that could not
 * be analysed as tool execution notifications (§3.58) so a failed compilation is never silent.
 * `test/audit/report-sarif.test.ts` validates the output against the official schema.
 */
import type { Confidence, DetectorInfo, Finding, Severity } from "../finding.js";
import { type AuditReport, filesNotAnalysed, swcUrl } from "../report-model.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The key under which results carry the finding id (§3.27.17: a versioned fingerprint name). */
export const FINGERPRINT_KEY = "svmFindingId/v1";

/** §3.27.10: `error` is a serious problem, `warning` a problem, `note` a minor one. */
const LEVEL: { readonly [S in Severity]: "error" | "warning" | "note" } = {
  high: "error",
  medium: "warning",
  low: "note",
  informational: "note",
};

/** GitHub code scanning's `security-severity` (a CVSS-like score); informational findings have none. */
const SECURITY_SEVERITY: { readonly [S in Severity]: string | undefined } = {
  high: "8.0",
  medium: "5.0",
  low: "2.0",
  informational: undefined,
};

/** GitHub code scanning's `precision`, from the detector's confidence. */
const PRECISION: { readonly [C in Confidence]: string } = { high: "high", medium: "medium", low: "low" };

/** A relative file path as a relative URI reference (RFC 3986): `/` separators, each segment percent-encoded. */
export function relativeUri(file: string): string {
  return file
    .replace(/\\/g, "/")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** `reentrancy-eth` → `ReentrancyEth`: §3.49.7 asks for a name readable as an identifier. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

function rule(detector: DetectorInfo): object {
  const securitySeverity = SECURITY_SEVERITY[detector.severity];
  return {
    id: detector.id,
    name: ruleName(detector.id),
    shortDescription: { text: detector.title },
    fullDescription: { text: detector.description },
    help: {
      text: detector.recommendation,
      markdown: `${detector.recommendation}\n\nSee [${detector.swc}](${swcUrl(detector.swc)}).`,
    },
    helpUri: swcUrl(detector.swc),
    defaultConfiguration: { level: LEVEL[detector.severity] },
    properties: {
      tags: ["security", detector.swc, detector.category],
      precision: PRECISION[detector.confidence],
      ...(securitySeverity === undefined ? {} : { "security-severity": securitySeverity }),
    },
  };
}

function result(finding: Finding, ruleIndex: number): object {
  const { detector, location } = finding;
  return {
    ruleId: detector.id,
    ruleIndex,
    level: LEVEL[detector.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(location.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: location.line, endLine: location.endLine, snippet: { text: location.snippet } },
        },
        logicalLocations: [
          finding.function === ""
            ? { name: finding.contract, kind: "type" }
            : { name: finding.function, fullyQualifiedName: `${finding.contract}.${finding.function}`, kind: "function" },
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.id },
    properties: {
      confirmed: finding.confirmed,
      confidence: detector.confidence,
      severity: detector.severity,
      swc: detector.swc,
      category: detector.category,
      ...(finding.evidence === undefined
        ? {}
        : finding.confirmed
          ? { exploit: finding.evidence.effect }
          : { analysis: finding.evidence.effect }),
    },
  };
}

function notifications(report: AuditReport): object[] {
  return filesNotAnalysed(report).map((file) => ({
    level: "error",
    message: { text: `${file.file} was not analysed: ${file.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(file.file), uriBaseId: "%SRCROOT%" } } }],
  }));
}

export function sarifLog(report: AuditReport): object {
  const ruleIndex = new Map(report.detectors.map((d, index) => [d.id, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: report.detectors.map(rule),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(report) }],
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.detector.id)!)),
      },
    ],
  };
}

export function writeSarif(report: AuditReport): string {
  return `${JSON.stringify(sarifLog(report), null, 2)}\n`;
}
