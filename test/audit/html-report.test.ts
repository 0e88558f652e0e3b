/**
 * The HTML report as text: self-contained (nothing fetched), source text escaped, the counts,
 * charts and filter controls present. test/audit/html-browser.test.ts checks it in a browser.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/audit/report-model.js";
import { writeHtml } from "../../src/audit/report/html.js";
import { escapeHtml } from "../../src/audit/report/html-text.js";
import { gasChart } from "../../src/audit/report/svg-charts.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING } from "./report-fixture.js";

const html = writeHtml(buildReport(fixtureInput()));

describe("writeHtml", () => {
  it("needs nothing from the network: no external script, style, font, image or frame, and a policy forbidding them", () => {
    // Tags with their quoted attribute values emptied: what is left are element and attribute names.
    const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
    expect(tags.filter((tag) => /^<(link|iframe|img|object|embed|image|use)\b/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\s(src|srcset|xlink:href)\s*=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/swcregistry\.io\/docs\/SWC-\d+$/);
  });

  it("has exactly one script, the page's own, and escapes every piece of source text", () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(escapeHtml(HOSTILE_FINDING.location.snippet));
    expect(html).toContain(escapeHtml(HOSTILE_FINDING.message));
    expect(html).toContain("<code>Lottery&lt;script&gt;alert(1)&lt;/script&gt;</code>");
  });

  it("shows the counts by severity and draws both charts", () => {
    for (const [severity, count] of [["high", 2], ["medium", 1], ["low", 1], ["informational", 0]] as const) {
      expect(html).toContain(`<li class="sev-${severity}" data-severity="${severity}"><span class="count">${count}</span>${severity}</li>`);
    }
    expect(html).toMatch(/<svg id="severity-chart"[^>]*width="360" height="200"/);
    expect(html.match(/<g class="bar" data-severity=/g)).toHaveLength(4);
    expect(html).toMatch(/<svg id="gas-chart"/);
    expect(html).toContain("<title>Bank.withdraw(uint256): avg 34020, min 23811, max 61442 gas over 12 call(s)</title>");
  });

  it("lists each finding with its id, title, location and data the filter reads", () => {
    expect(html.match(/<article class="finding/g)).toHaveLength(4);
    expect(html).toContain(`<code class="finding-id">${CONFIRMED_REENTRANCY.id}</code>`);
    expect(html).toContain(`<code class="location">contracts/Bank.sol:14</code>`);
    expect(html).toContain(`data-severity="high" data-confirmed="true"`);
    expect(html).toContain("2 ether moved from Bank to the attacker");
    expect(html).toContain("<li>from <code>0x00000000000000000000000000000000000a77ac</code> to a new contract: <code>new Attacker()</code>, value 0 wei</li>");
    expect(html).toContain('<table id="campaigns-not-run"><thead><tr><th>Contract</th><th>Why</th></tr></thead><tbody><tr><td><code>IToken</code></td><td>no creation code (interface or abstract contract)</td></tr>');
    expect(html).toContain('<input type="checkbox" id="confirmed-only">');
  });

  it("lists the file that did not compile, with its reason escaped", () => {
    expect(html).toContain("<td><code>contracts/Broken.sol</code></td><td>did not compile: ParserError: Expected &#39;;&#39; but got &#39;}&#39; at line 7 &lt;here&gt;</td>");
  });
});

describe("gasChart", () => {
  it("sizes the label column to the longest label and cuts very long ones, keeping the whole name in the tooltip", () => {
    const long = `transferWithAuthorization(${"address,".repeat(8)}uint256)`;
    const svg = gasChart([
      { contract: "T", function: "f()", calls: 1, min: 1n, avg: 1n, max: 1n },
      { contract: "Token", function: long, calls: 1, min: 1n, avg: 2n, max: 3n },
    ]);
    expect(svg).toContain(`<title>Token.${long}: avg 2, min 1, max 3 gas over 1 call(s)</title>`);
    expect(svg).toContain(`text-anchor="end">Token.${long.slice(0, 55 - "Token.".length)}…</text>`);
    const width = Number(/<svg id="gas-chart"[^>]* width="(\d+)"/.exec(svg)![1]);
    const short = Number(/<svg id="gas-chart"[^>]* width="(\d+)"/.exec(gasChart([{ contract: "T", function: "f()", calls: 1, min: 1n, avg: 1n, max: 1n }]))![1]);
    expect(width).toBeGreaterThan(short);
  });
});
