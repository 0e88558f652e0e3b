/** The report formats `svm audit --format` names, each a pure writer of the one report model and a file name. */
import type { AuditReport } from "../report-model.js";
import { writeHtml } from "./html.js";
import { writeJson } from "./json.js";
import { writeMarkdown } from "./markdown.js";
import { writeSarif } from "./sarif.js";

export const REPORT_FORMATS = ["md", "html", "json", "sarif"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface Writer {
  readonly fileName: string;
  readonly write: (report: AuditReport) => string;
}

export const WRITERS: { readonly [F in ReportFormat]: Writer } = {
  md: { fileName: "audit.md", write: writeMarkdown },
  html: { fileName: "audit.html", write: writeHtml },
  json: { fileName: "audit.json", write: writeJson },
  sarif: { fileName: "audit.sarif", write: writeSarif },
};

export function isReportFormat(text: string): text is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(text);
}
