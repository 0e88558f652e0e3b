/**
 * The HTML report: one self-contained page (inline style, script and SVG; no fonts, images or
 * scripts fetched, and a Content-Security-Policy that forbids any) with the severity counts, a
 * chart of findings by severity, a list of findings a reader filters by severity, confirmation and
 * text, a chart and table of gas per function, coverage, and the files not analysed. Everything
 * taken from the audited sources goes through `escapeHtml`.
 */
import { type Finding, SEVERITIES } from "../finding.js";
import { type AuditReport, filesNotAnalysed, percent, swcUrl } from "../report-model.js";
import { CONTENT_SECURITY_POLICY, SCRIPT, STYLE } from "./html-assets.js";
import { escapeHtml } from "./html-text.js";
import { gasChart, severityChart } from "./svg-charts.js";

function summarySection(report: AuditReport): string {
  const confirmed = report.findings.filter((f) => f.confirmed).length;
  const counts = SEVERITIES.map(
    (s) => `<li class="sev-${s}" data-severity="${s}"><span class="count">${report.summary[s]}</span>${s}</li>`,
  ).join("\n");
  const notes: string[] = [
    `${confirmed} of ${report.findings.length} findings confirmed by an exploit run on the SVM; the others are ranked by confidence, not certain.`,
  ];
  if (report.baseline !== undefined) {
    notes.push(`${report.baseline.hidden} finding(s) hidden: their ids appear in the baseline <code>${escapeHtml(report.baseline.file)}</code>.`);
  }
  if (report.dependencyFindingsDropped !== undefined) {
    notes.push(`${report.dependencyFindingsDropped} finding(s) in dependencies (lib/, node_modules/, remapped libraries) left out.`);
  }
  const notAnalysed = filesNotAnalysed(report).length;
  notes.push(`${report.files.length - notAnalysed} file(s) analysed, ${notAnalysed} not analysed.`);
  return [
    `<section id="summary"><h2>Summary</h2>`,
    `<ul class="counts" id="severity-counts">\n${counts}\n</ul>`,
    ...notes.map((note) => `<p>${note}</p>`),
    `<figure>${severityChart(report.summary)}<figcaption class="muted">Findings by severity</figcaption></figure>`,
    `</section>`,
  ].join("\n");
}

function evidenceBlock(finding: Finding): string {
  const evidence = finding.evidence;
  if (evidence === undefined) return "";
  // An unconfirmed finding's evidence is the prover's bounded "not reachable" or "undecided" note.
  if (!finding.confirmed) return `<div class="analysis"><h4>Analysis</h4><p>${escapeHtml(evidence.effect)}</p></div>`;
  const steps = evidence.steps
    .map((s) => {
      const to = s.to === "" ? "a new contract" : `<code>${escapeHtml(s.to)}</code>`;
      return `<li>from <code>${escapeHtml(s.from)}</code> to ${to}: <code>${escapeHtml(s.call)}</code>, value ${s.value} wei</li>`;
    })
    .join("\n");
  const trace = evidence.trace.length === 0 ? "" : `<p>Trace excerpt:</p><pre><code>${escapeHtml(evidence.trace.join("\n"))}</code></pre>`;
  return `<div class="evidence"><h4>Evidence</h4><p>${escapeHtml(evidence.effect)}</p><ol>${steps}</ol>${trace}</div>`;
}

function findingArticle(finding: Finding): string {
  const { detector, location } = finding;
  const where = `${location.file}:${location.line}`;
  const search = [finding.id, detector.title, detector.id, detector.swc, detector.category, finding.contract, finding.function, where, finding.message]
    .join(" ")
    .toLowerCase();
  const rows: [string, string][] = [
    ["ID", `<code class="finding-id">${escapeHtml(finding.id)}</code>`],
    ["SWC", `<a href="${escapeHtml(swcUrl(detector.swc))}">${escapeHtml(detector.swc)}</a>`],
    ["Category", escapeHtml(detector.category)],
    ["Severity", detector.severity],
    ["Confidence", detector.confidence],
    ["Confirmed", finding.confirmed ? "yes: an exploit ran" : "no"],
    ["Contract", `<code>${escapeHtml(finding.contract)}</code>`],
    ["Function", finding.function === "" ? "(contract level)" : `<code>${escapeHtml(finding.function)}</code>`],
    ["Location", `<code class="location">${escapeHtml(where)}</code>`],
  ];
  const badges = `<span class="badge sev-${detector.severity}">${detector.severity}</span>${finding.confirmed ? ' <span class="badge confirmed">confirmed</span>' : ""}`;
  return [
    `<article class="finding sev-${detector.severity}" data-severity="${detector.severity}" data-confirmed="${finding.confirmed}" data-search="${escapeHtml(search)}">`,
    `<h3>${badges} <span class="title">${escapeHtml(detector.title)}</span></h3>`,
    `<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl>`,
    `<p class="message">${escapeHtml(finding.message)}</p>`,
    `<pre><code>${escapeHtml(location.snippet)}</code></pre>`,
    `<p><strong>Description.</strong> ${escapeHtml(detector.description)}</p>`,
    `<p><strong>Recommendation.</strong> ${escapeHtml(detector.recommendation)}</p>`,
    evidenceBlock(finding),
    `</article>`,
  ].join("\n");
}

function findingsSection(report: AuditReport): string {
  const boxes = SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`).join("\n");
  return [
    `<section id="findings"><h2>Findings</h2>`,
    `<form id="filters">${boxes}`,
    `<label><input type="checkbox" id="confirmed-only"> confirmed only</label>`,
    `<label>search <input type="search" id="search" placeholder="id, title, contract, file…"></label></form>`,
    `<p id="shown-count" aria-live="polite">Showing ${report.findings.length} of ${report.findings.length} findings</p>`,
    report.findings.length === 0 ? `<p>No finding.</p>` : report.findings.map(findingArticle).join("\n"),
    `</section>`,
  ].join("\n");
}

function gasSection(report: AuditReport): string {
  if (report.gas.length === 0) return `<section id="gas"><h2>Gas per function</h2><p>No function was called by the campaign.</p></section>`;
  const rows = report.gas
    .map(
      (g) =>
        `<tr><td><code>${escapeHtml(g.contract)}</code></td><td><code>${escapeHtml(g.function)}</code></td><td class="number">${g.calls}</td><td class="number">${g.min}</td><td class="number">${g.avg}</td><td class="number">${g.max}</td></tr>`,
    )
    .join("\n");
  return [
    `<section id="gas"><h2>Gas per function</h2>`,
    `<figure>${gasChart(report.gas)}<figcaption class="muted">Average gas of a transaction calling each function (intrinsic cost included); the line spans min to max</figcaption></figure>`,
    `<table><thead><tr><th>Contract</th><th>Function</th><th>Calls</th><th>Min</th><th>Avg</th><th>Max</th></tr></thead><tbody>${rows}</tbody></table>`,
    `</section>`,
  ].join("\n");
}

function notRunBlock(report: AuditReport): string {
  if (report.campaignsNotRun.length === 0) return "";
  const rows = report.campaignsNotRun.map((c) => `<tr><td><code>${escapeHtml(c.contract)}</code></td><td>${escapeHtml(c.reason)}</td></tr>`).join("\n");
  return `<p>No campaign ran on:</p><table id="campaigns-not-run"><thead><tr><th>Contract</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function coverageSection(report: AuditReport): string {
  if (report.coverage.length === 0) return `<section id="coverage"><h2>Coverage</h2><p>No contract was run by the campaign.</p>${notRunBlock(report)}</section>`;
  const rows = report.coverage
    .map(
      (c) =>
        `<tr><td><code>${escapeHtml(c.contract)}</code></td><td class="number">${c.instructions.reached} of ${c.instructions.total} (${percent(c.instructions)})</td><td class="number">${c.blocks.reached} of ${c.blocks.total} (${percent(c.blocks)})</td></tr>`,
    )
    .join("\n");
  return `<section id="coverage"><h2>Coverage</h2><table><thead><tr><th>Contract</th><th>Instructions reached</th><th>Blocks reached</th></tr></thead><tbody>${rows}</tbody></table>${notRunBlock(report)}</section>`;
}

function filesSection(report: AuditReport): string {
  const failed = filesNotAnalysed(report);
  if (failed.length === 0) return `<section id="files"><h2>Files not analysed</h2><p>None: every file was analysed.</p></section>`;
  const rows = failed.map((f) => `<tr><td><code>${escapeHtml(f.file)}</code></td><td>${escapeHtml(f.reason)}</td></tr>`).join("\n");
  return `<section id="files"><h2>Files not analysed</h2><table><thead><tr><th>File</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function writeHtml(report: AuditReport): string {
  const title = `svm audit: ${report.target}`;
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(`${report.tool.name} ${report.tool.version}`)}</p></header>`,
    summarySection(report),
    findingsSection(report),
    gasSection(report),
    coverageSection(report),
    filesSection(report),
    `<script>${SCRIPT}</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
