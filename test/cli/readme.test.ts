/**
 * The README and docs/cli.md show what svm prints; this runs every `$ svm …` line of their code
 * blocks through the built CLI, from a folder outside the checkout, and compares what a terminal would show (stdout,
 * then stderr) with what the README says. Only a run stopped by --timeout may differ, in its
 * time, step count and pc.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, svm } from "./svm-process.js";

interface Shown {
  readonly args: string[];
  readonly output: string;
}

/**
 * Each `$ svm ARGS  # comment` line of a plain code block with the lines below it up to the next
 * `$` or the block's end. Blocks with an info string are matched whole and left out: `sh` blocks
 * are install steps, and `console` blocks are sessions whose lines read files earlier lines wrote,
 * which their own tests run in order (test/keys/docs.test.ts for `svm keys`).
 */
function shownRuns(markdown: string): Shown[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === "").map((m) => m[2]!);
  return blocks.flatMap((block) => {
    const runs: { args: string[]; lines: string[] }[] = [];
    for (const line of block.split("\n")) {
      const command = /^\$ svm (.*?)(\s+#.*)?$/.exec(line);
      if (command !== null) runs.push({ args: command[1]!.split(/\s+/), lines: [] });
      else if (runs.length > 0 && line !== "") runs[runs.length - 1]!.lines.push(line);
    }
    return runs.map((run) => ({ args: run.args, output: run.lines.join("\n") }));
  });
}

/** A stopped run's elapsed time, step count and pc change from run to run. */
function stable(text: string): string {
  return text.replace(/after \d+\.\d s: \d+ steps, reached pc \d+/g, "after T s: N steps, reached pc P");
}

const scratch = mkdtempSync(join(tmpdir(), "svm-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const shown = ["README.md", "docs/cli.md"].flatMap((file) => shownRuns(readFileSync(join(PROJECT_ROOT, file), "utf8")));

describe.concurrent("README", () => {
  it("shows runs of every vector command and of svm run", () => {
    const commands = new Set(shown.map((run) => run.args[0]));
    for (const command of ["statetest", "txtest", "trietest", "rlptest", "run"]) expect(commands).toContain(command);
  });

  const distinct = new Map(shown.map((run) => [run.args.join(" "), run]));
  it.each([...distinct])("$ svm %s", async (_text, { args, output }) => {
    const result = await svm(args, { cwd: scratch, timeoutMs: 60_000 });
    expect(stable(`${result.stdout}${result.stderr}`.trimEnd())).toBe(stable(output));
  });
});
