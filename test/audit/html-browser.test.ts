/**
 * The HTML report in a real browser (issue 10: "renders in a real browser in the test suite"):
 * Debian's chromium, headless, driven by playwright-core, opens the page the writer made and
 * checks what a reader sees — the title, the counts, a finding, both charts drawn with a size, and
 * the filters at work — with every network request refused and recorded. A missing browser or
 * package fails the test with the install to do; it is never skipped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/audit/report-model.js";
import { writeHtml } from "../../src/audit/report/html.js";
import { CONFIRMED_REENTRANCY, fixtureInput, HOSTILE_FINDING, TX_ORIGIN_FINDING } from "./report-fixture.js";

const CHROMIUM = "/usr/bin/chromium";

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium with scripts/setup-browser.sh (apt-get install chromium)`);
  }
  let playwright: typeof import("playwright-core");
  try {
    playwright = await import("playwright-core");
  } catch (error) {
    throw new Error(`the devDependency playwright-core is missing (npm ci): ${error instanceof Error ? error.message : String(error)}`);
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM, headless: true });
}

describe("the HTML report in headless Chromium", () => {
  let folder: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "svm-audit-html-"));
    const file = join(folder, "audit.html");
    writeFileSync(file, writeHtml(buildReport(fixtureInput())));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith("file:") ? route.continue() : route.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it("loads with no request beyond the file itself, no script error and nothing from the source run", async () => {
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:.*audit\.html$/);
    expect(problems).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    await expect(page.locator(".finding .message", { hasText: "onerror" }).textContent()).resolves.toBe(HOSTILE_FINDING.message);
  });

  it("shows the title and the counts by severity", async () => {
    expect(await page.title()).toBe("svm audit: contracts");
    expect(await page.locator("h1").innerText()).toBe("svm audit: contracts");
    const counts = await page.locator("#severity-counts li").evaluateAll((items) =>
      items.map((item) => [(item as HTMLElement).dataset["severity"], item.querySelector(".count")?.textContent]),
    );
    expect(counts).toEqual([
      ["high", "2"],
      ["medium", "1"],
      ["low", "1"],
      ["informational", "0"],
    ]);
    const colours = await page.locator("#severity-counts li").evaluateAll((items) => items.map((item) => getComputedStyle(item).borderLeftColor));
    expect(colours).toEqual(["rgb(198, 40, 40)", "rgb(239, 108, 0)", "rgb(249, 168, 37)", "rgb(21, 101, 192)"]);
  });

  it("shows a finding's id, title and file:line", async () => {
    const finding = page.locator("article.finding", { has: page.locator(".finding-id", { hasText: CONFIRMED_REENTRANCY.id }) });
    await expect(finding.isVisible()).resolves.toBe(true);
    expect(await finding.locator(".title").innerText()).toBe("Reentrancy: ether sent before state is updated");
    expect(await finding.locator(".location").innerText()).toBe("contracts/Bank.sol:14");
    expect(await finding.locator(".evidence").innerText()).toContain("2 ether moved from Bank to the attacker");
  });

  it("draws the severity chart, its bars as tall as the counts", async () => {
    const chart = await page.locator("#severity-chart").boundingBox();
    expect(chart?.width).toBeGreaterThan(0);
    expect(chart?.height).toBeGreaterThan(0);
    const heights = await page.locator("#severity-chart g.bar rect").evaluateAll((rects) =>
      rects.map((rect) => (rect as SVGGraphicsElement).getBoundingClientRect().height),
    );
    expect(heights).toHaveLength(4);
    const [high, medium, low, informational] = heights as [number, number, number, number];
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeCloseTo(high / 2, 0);
    expect(low).toBeCloseTo(medium, 5);
    expect(informational).toBe(0);
  });

  it("draws the gas chart, a bar per function", async () => {
    const chart = await page.locator("#gas-chart").boundingBox();
    expect(chart?.width).toBeGreaterThan(0);
    expect(chart?.height).toBeGreaterThan(0);
    const widths = await page.locator("#gas-chart g.bar rect").evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect().width));
    expect(widths).toHaveLength(3);
    for (const width of widths) expect(width).toBeGreaterThan(0);
  });

  async function visibleIds(): Promise<string[]> {
    return page.locator("article.finding:visible .finding-id").allInnerTexts();
  }

  it("filters the findings by severity, confirmation and text", async () => {
    expect(await visibleIds()).toHaveLength(4);

    await page.getByLabel("high", { exact: true }).uncheck();
    expect(await visibleIds()).toEqual([TX_ORIGIN_FINDING.id, HOSTILE_FINDING.id]);
    expect(await page.locator("#shown-count").innerText()).toBe("Showing 2 of 4 findings");
    await page.getByLabel("high", { exact: true }).check();

    await page.getByLabel("confirmed only").check();
    expect(await visibleIds()).toEqual([CONFIRMED_REENTRANCY.id]);
    await page.getByLabel("confirmed only").uncheck();

    await page.locator("#search").fill("wallet.sol");
    expect(await visibleIds()).toEqual([TX_ORIGIN_FINDING.id]);
    expect(await page.locator("#shown-count").innerText()).toBe("Showing 1 of 4 findings");
    await page.locator("#search").fill("");
    expect(await visibleIds()).toHaveLength(4);
  });
});
