/**
 * The two charts of the HTML report, drawn as inline SVG so the page needs nothing from the
 * network: findings by severity (vertical bars) and gas per function (horizontal bars, average gas,
 * the min–max range as a thin line over each bar).
 */
import { SEVERITIES, type Severity } from "../finding.js";
import type { FunctionGas, SeveritySummary } from "../report-model.js";
import { escapeHtml } from "./html-text.js";

export const SEVERITY_COLOUR: { readonly [S in Severity]: string } = {
  high: "#c62828",
  medium: "#ef6c00",
  low: "#f9a825",
  informational: "#1565c0",
};

/** `value / max` as a number in [0, 1] for bigints too large for a float's integer range. */
function fraction(value: bigint, max: bigint): number {
  return max === 0n ? 0 : Number((value * 10_000n) / max) / 10_000;
}

export function severityChart(summary: SeveritySummary): string {
  const width = 360;
  const height = 200;
  const plotTop = 24;
  const plotBottom = height - 28;
  const slot = width / SEVERITIES.length;
  const barWidth = slot * 0.55;
  const max = Math.max(1, ...SEVERITIES.map((s) => summary[s]));
  const bars = SEVERITIES.map((severity, index) => {
    const count = summary[severity];
    const barHeight = ((plotBottom - plotTop) * count) / max;
    const x = index * slot + (slot - barWidth) / 2;
    const y = plotBottom - barHeight;
    const centre = x + barWidth / 2;
    return [
      `<g class="bar" data-severity="${severity}">`,
      `<title>${count} ${severity}</title>`,
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${SEVERITY_COLOUR[severity]}"/>`,
      `<text x="${centre.toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" class="value">${count}</text>`,
      `<text x="${centre.toFixed(1)}" y="${height - 8}" text-anchor="middle">${severity}</text>`,
      `</g>`,
    ].join("");
  });
  return [
    `<svg id="severity-chart" role="img" aria-labelledby="severity-chart-title" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="severity-chart-title">Findings by severity</title>`,
    `<line x1="0" y1="${plotBottom}" x2="${width}" y2="${plotBottom}" stroke="#888"/>`,
    ...bars,
    `</svg>`,
  ].join("\n");
}

/** Approximate width of one character of the charts' 12px sans-serif text, to size the label column. */
const CHAR_WIDTH = 6.8;
/** Labels longer than this are cut with an ellipsis; the bar's tooltip has the whole name. */
const MAX_LABEL_CHARS = 56;

function shortened(label: string): string {
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

export function gasChart(gas: readonly FunctionGas[]): string {
  const labels = gas.map((g) => shortened(`${g.contract}.${g.function}`));
  const labelWidth = Math.ceil(Math.max(120, ...labels.map((label) => label.length * CHAR_WIDTH)) + 16);
  const plotWidth = 320;
  const valueWidth = 90;
  const row = 24;
  const width = labelWidth + plotWidth + valueWidth;
  const height = Math.max(1, gas.length) * row + 8;
  const max = gas.reduce((m, g) => (g.max > m ? g.max : m), 0n);
  const bars = gas.map((g, index) => {
    const y = 4 + index * row;
    const label = `${g.contract}.${g.function}`;
    const avgWidth = plotWidth * fraction(g.avg, max);
    const minX = labelWidth + plotWidth * fraction(g.min, max);
    const maxX = labelWidth + plotWidth * fraction(g.max, max);
    return [
      `<g class="bar">`,
      `<title>${escapeHtml(label)}: avg ${g.avg}, min ${g.min}, max ${g.max} gas over ${g.calls} call(s)</title>`,
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(labels[index]!)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(1, avgWidth).toFixed(1)}" height="${row - 8}" fill="#5c6bc0"/>`,
      `<line x1="${minX.toFixed(1)}" y1="${y + row / 2}" x2="${maxX.toFixed(1)}" y2="${y + row / 2}" stroke="#1a237e" stroke-width="2"/>`,
      `<text x="${labelWidth + plotWidth + 6}" y="${y + 15}" class="value">${g.avg}</text>`,
      `</g>`,
    ].join("");
  });
  return [
    `<svg id="gas-chart" role="img" aria-labelledby="gas-chart-title" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="gas-chart-title">Average gas per function (line: min to max)</title>`,
    ...bars,
    `</svg>`,
  ].join("\n");
}
