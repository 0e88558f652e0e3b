/** The Markdown report: what a reader of a pull request sees, and source text that never turns into markup. */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/audit/report-model.js";
import { writeMarkdown } from "../../src/audit/report/markdown.js";
import { mdCode, mdFence, mdText } from "../../src/audit/report/markdown-text.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, TX_ORIGIN_FINDING } from "./report-fixture.js";

const markdown = writeMarkdown(buildReport(fixtureInput()));

function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.indexOf("\n## ", start + heading.length);
  return text.slice(start, next === -1 ? undefined : next);
}

describe("writeMarkdown", () => {
  it("opens with the summary by severity, before the findings", () => {
    const summary = sectionOf(markdown, "## Summary");
    expect(summary).toContain("| high | 2 |");
    expect(summary).toContain("| medium | 1 |");
    expect(summary).toContain("| low | 1 |");
    expect(summary).toContain("| informational | 0 |");
    expect(summary).toContain("1 of 4 confirmed");
    expect(markdown.indexOf("## Summary")).toBeLessThan(markdown.indexOf("## Findings"));
  });

  it("gives each finding its id, linked SWC, category, severity, confidence, confirmation, contract, function and file:line", () => {
    const first = sectionOf(markdown, "### 1. Reentrancy");
    expect(first).toContain(`| ID | \`${CONFIRMED_REENTRANCY.id}\` |`);
    expect(first).toContain("| SWC | [SWC-107](https://swcregistry.io/docs/SWC-107) |");
    expect(first).toContain("| Category | reentrancy |");
    expect(first).toContain("| Severity | high |");
    expect(first).toContain("| Confidence | medium |");
    expect(first).toContain("| Confirmed | yes: an exploit ran |");
    expect(first).toContain("| Contract | `Bank` |");
    expect(first).toContain("| Function | `withdraw(uint256)` |");
    expect(first).toContain("| Location | `contracts/Bank.sol:14` |");
    expect(first).toContain('```solidity\n        (bool ok, ) = msg.sender.call{value: amount}("");');
    expect(first).toContain("**Recommendation.** Write the state before the call");
  });

  it("shows the exploit's transactions and a trace excerpt for a confirmed finding only", () => {
    const first = sectionOf(markdown, "### 1. Reentrancy");
    expect(first).toContain("**Evidence.** 2 ether moved from Bank to the attacker");
    expect(first).toContain("1. from `0x00000000000000000000000000000000000a77ac` to a new contract: `new Attacker()`, value 0 wei");
    expect(first).toContain("2. from `0x00000000000000000000000000000000000a77ac` to `0x00000000000000000000000000000000000ba4c0`: `deposit()`, value 1000000000000000000 wei");
    expect(first).toContain("3. from");
    expect(first).toContain("    CALL Bank.withdraw(1000000000000000000)");
    const unconfirmed = sectionOf(markdown, `### 3. ${TX_ORIGIN_FINDING.detector.title}`);
    expect(unconfirmed).toContain("| Confirmed | no |");
    expect(unconfirmed).not.toContain("Evidence");
  });

  it("lists gas per function, coverage and the files not analysed with why", () => {
    expect(sectionOf(markdown, "## Gas per function")).toContain("| `Bank` | `withdraw(uint256)` | 12 | 23811 | 34020 | 61442 |");
    expect(sectionOf(markdown, "## Coverage")).toContain("| `Bank` | 301 of 344 (87.5%) | 40 of 48 (83.3%) |");
    expect(sectionOf(markdown, "## Coverage")).toContain("No campaign ran on:\n\n| Contract | Why |\n|---|---|\n| `IToken` | no creation code (interface or abstract contract) |");
    const files = sectionOf(markdown, "## Files not analysed");
    expect(files).toContain("| `contracts/Broken.sol` | did not compile: ParserError: Expected ';' but got '}' at line 7 \\<here\\> |");
    expect(files).not.toContain("Bank.sol");
  });

  it("keeps source text as text: no raw HTML, no table cell broken by |, a fence longer than the snippet's backticks", () => {
    const hostile = sectionOf(markdown, "### 4.");
    const fenced = hostile.slice(hostile.indexOf("````solidity\n"), hostile.lastIndexOf("\n````") + 5);
    const outsideCode = hostile.replace(fenced, "").replace("| Contract | `Lottery<script>alert(1)</script>` |", "");
    expect(outsideCode).not.toMatch(/(?<!\\)<(script|img)/);
    expect(hostile).toContain("\\<img src=x onerror=alert(1)\\>\" \\| \\*\\*bold\\*\\* \\[link\\](http://evil.example)");
    expect(hostile).toContain("| Contract | `Lottery<script>alert(1)</script>` |");
    expect(hostile).toContain("````solidity\n");
    expect(hostile).toContain(HOSTILE_FINDING.location.snippet);
    expect(markdown).not.toContain("<script>alert(1)</script> |\n| Function");
  });

  it("says how many findings the baseline hid", () => {
    const hidden = writeMarkdown(buildReport(fixtureInput(), { baseline: { file: "old.json", ids: new Set([HOSTILE_FINDING.id]) } }));
    expect(hidden).toContain("1 finding(s) hidden: their ids appear in the baseline `old.json`.");
  });

  it("says so when there is nothing to list", () => {
    const empty = writeMarkdown(buildReport({ ...fixtureInput([]), gas: [], coverage: [], campaignsNotRun: [], files: [] }));
    expect(empty).toContain("No finding.");
    expect(empty).toContain("None: every file was analysed.");
    expect(empty).toContain("| **total** | **0** |");
  });
});

describe("markdown text helpers", () => {
  it("escapes markup in prose and keeps it on one line", () => {
    expect(mdText("a *b* <c>\n|d|")).toBe("a \\*b\\* \\<c\\> \\|d\\|");
    expect(mdText("# not a heading")).toBe("\\# not a heading");
    expect(mdText("1. not a list")).toBe("1\\. not a list");
    expect(mdText("- x-y")).toBe("\\- x-y");
  });
  it("makes a code span longer than the backticks inside it", () => {
    expect(mdCode("a`b")).toBe("``a`b``");
    expect(mdCode("`x`")).toBe("`` `x` ``");
    expect(mdCode("a|b")).toBe("`a\\|b`");
  });
  it("makes a fence longer than any backtick run in the code", () => {
    expect(mdFence("x ```` y", "solidity")).toBe("`````solidity\nx ```` y\n`````");
    expect(mdFence("plain\n\n")).toBe("```\nplain\n```");
  });
});
