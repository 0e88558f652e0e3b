/**
 * What `svm` itself answers, as a script meets it (the built CLI in a subprocess): `--version`,
 * help for every command ending with the exit-code contract, and exit 2 for what it does not
 * know. Every example a command's `--help` gives for statetest, txtest, trietest, rlptest and run
 * is run as written, from a folder outside the checkout.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT_CODES_HELP } from "../../src/cli/exit-codes.js";
import { PROJECT_ROOT, svm } from "./svm-process.js";

const COMMANDS = ["statetest", "txtest", "trietest", "rlptest", "run", "fuzz", "t8n", "prove"];
/** The commands whose help examples this suite runs (fuzz and prove are tested with their own). */
const EXAMPLES_OF = ["statetest", "txtest", "trietest", "rlptest", "run"];

const scratch = mkdtempSync(join(tmpdir(), "svm-examples-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Splits an example line as a POSIX shell would for the quoting help texts use (single quotes). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The `svm …` lines under a help text's "Example:" or "Examples:" heading. */
function examples(help: string): string[][] {
  const section = help.split(/^Examples?:$/m)[1] ?? "";
  return section
    .split("\n")
    .filter((line) => /^  svm /.test(line))
    .map((line) => words(line.trim()).slice(1));
}

describe.concurrent("svm", () => {
  it("--version prints the package version", async () => {
    const version = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version;
    const result = await svm(["--version"]);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, `svm ${version}\n`, ""]);
  });

  it("--help lists every command and ends with the exit codes", async () => {
    const result = await svm(["--help"]);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    expect(result.stdout.trimEnd().endsWith(EXIT_CODES_HELP)).toBe(true);
  });

  it.each(COMMANDS)("help %s is that command's --help, ending with the exit codes", async (command) => {
    const [viaHelp, viaFlag] = await Promise.all([svm(["help", command]), svm([command, "--help"])]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: svm ${command}`));
    expect(viaHelp.stdout.trimEnd().endsWith(EXIT_CODES_HELP)).toBe(true);
    expect(viaFlag).toEqual(viaHelp);
  });

  it.each([[[]], [["nope"]], [["help", "nope"]], [["help", "run", "extra"]]])("svm %j is exit 2 with the command list on stderr", async (args) => {
    const result = await svm(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Commands:");
  });
});

describe.concurrent("every help example works as written, from any folder", async () => {
  const helps = await Promise.all(EXAMPLES_OF.map((command) => svm(["help", command])));
  const cases = helps.flatMap((help) => examples(help.stdout));

  it("each command shows at least one example", () => {
    for (const [i, help] of helps.entries()) expect(examples(help.stdout).length, EXAMPLES_OF[i]).toBeGreaterThan(0);
  });

  it.each(cases.map((args) => [args.join(" "), args] as const))("svm %s", async (_text, args) => {
    const result = await svm(args, { cwd: scratch, timeoutMs: 60_000 });
    // The one example that shows --timeout stopping an endless loop ends as it says: exit 1.
    const expected = args.includes("--timeout") ? 1 : 0;
    expect(result.code, result.stderr).toBe(expected);
    if (expected === 1) expect(result.stderr).toContain("stopped by --timeout");
    else expect(result.stderr).toBe("");
  });
});
