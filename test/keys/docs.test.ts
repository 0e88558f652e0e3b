/**
 * docs/cli.md's `svm keys` section shows runs of the built CLI; this runs every `$ svm keys …`
 * line of its console blocks in order (later lines read the files earlier ones wrote), in an empty
 * folder, and compares what a terminal shows (stdout, then stderr) and the exit code (`# exit N`,
 * else 0) with the page.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, svm } from "../cli/svm-process.js";

interface Shown {
  readonly args: string[];
  readonly code: number;
  readonly output: string;
}

function keysSection(markdown: string): string {
  const start = markdown.indexOf("## `svm keys`");
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

function shownRuns(section: string): Shown[] {
  const blocks = [...section.matchAll(/^```console\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  return blocks.flatMap((block) => {
    const runs: { args: string[]; code: number; lines: string[] }[] = [];
    for (const line of block.split("\n")) {
      const command = /^\$ svm (.*?)(?:\s+# exit (\d))?$/.exec(line);
      if (command !== null) runs.push({ args: command[1]!.split(/\s+/), code: Number(command[2] ?? 0), lines: [] });
      else if (runs.length > 0 && line !== "") runs[runs.length - 1]!.lines.push(line);
    }
    return runs.map((run) => ({ args: run.args, code: run.code, output: run.lines.join("\n") }));
  });
}

const shown = shownRuns(keysSection(readFileSync(join(PROJECT_ROOT, "docs/cli.md"), "utf8")));

describe("docs/cli.md, svm keys", () => {
  it("shows every subcommand", () => {
    const subcommands = new Set(shown.map((run) => run.args[1]));
    for (const name of ["generate", "sign", "verify", "threshold", "partial-sign", "combine", "hybrid"]) expect(subcommands).toContain(name);
  });

  it("prints what the page shows, run after run", async () => {
    const folder = mkdtempSync(join(tmpdir(), "svm-keys-docs-"));
    for (const run of shown) {
      const result = await svm(run.args, { cwd: folder });
      expect(`${result.stdout}${result.stderr}`.trimEnd(), `$ svm ${run.args.join(" ")}`).toBe(run.output);
      expect(result.code, `$ svm ${run.args.join(" ")}`).toBe(run.code);
    }
  });
});
