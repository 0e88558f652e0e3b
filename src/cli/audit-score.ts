/**
 * The entry of `npm run audit:score -- <corpus>` (not an svm command): scores the audit detectors
 * on a SolidiFI corpus, prints recall per bug type and the findings on other lines, and writes the
 * JSON report. Exit 0 when every contract was analysed and every bug type met issue 10's recall
 * target (90%, 60% for TOD), 1 when one was not analysed (compile error, crash, timeout) or a
 * target was missed, 2 on usage or input errors.
 */
import { writeFileSync } from "node:fs";
import { TerminalStatus } from "../../conformance/terminal-status.js";
import { BUG_TYPES, type BugType, CorpusError, loadCorpus } from "../audit/score/corpus.js";
import { scoreCorpus, scoreTable, targetsMet } from "../audit/score/score.js";
import { InputError, UsageError } from "./command.js";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes.js";
import { checkOutputFile } from "./output-path.js";
import { parseOptions, positiveInteger } from "./options.js";

const HELP = `Usage: npm run audit:score -- <corpus> [--json FILE] [--time-budget S] [--types T,T…] [--limit N]

Scores svm audit's detectors on a SolidiFI corpus (buggy_contracts/<bug type>/buggy_N.sol with
BugLog_N.csv): recall per bug type (a bug is found by a finding of its SWC classes starting within
the injected lines ±1) against issue 10's targets (90%, 60% for TOD), and the number of findings on
other lines. Exit 1 when a target is missed or a contract could not be analysed.

  --json FILE        also write the full report (per contract: status, time, bugs found and missed)
  --time-budget S    seconds per contract before its analysis is stopped and counted as a timeout (default 60)
  --types T,T…       only these bug types (${Object.keys(BUG_TYPES).join(", ")})
  --limit N          only the first N contracts of each bug type

Example: npm run audit:score -- ../shared/audit-corpus/solidifi --json audit-score.json

${EXIT_CODES_HELP}`;

async function main(args: readonly string[]): Promise<number> {
  const options = parseOptions(args, [
    { name: "--json", value: true },
    { name: "--time-budget", value: true },
    { name: "--types", value: true },
    { name: "--limit", value: true },
    { name: "--help", value: false, alias: "-h" },
  ]);
  if (options.switches.has("--help")) {
    console.log(HELP);
    return EXIT.held;
  }
  const [corpus, ...extra] = options.positional;
  if (corpus === undefined || extra.length > 0) throw new UsageError("expected one corpus folder");
  const json = options.values.get("--json");
  if (json !== undefined) checkOutputFile("--json", json);
  const budget = positiveInteger("--time-budget", options.values.get("--time-budget") ?? "60");
  const limit = options.values.has("--limit") ? positiveInteger("--limit", options.values.get("--limit")!) : undefined;
  const typesText = options.values.get("--types");
  const types = typesText === undefined ? undefined : typesText.split(",").map((t) => t.trim());
  for (const type of types ?? []) {
    if (!(type in BUG_TYPES)) throw new UsageError(`--types: unknown bug type '${type}' (known: ${Object.keys(BUG_TYPES).join(", ")})`);
  }
  let contracts;
  try {
    contracts = loadCorpus(corpus, types as BugType[] | undefined);
  } catch (error) {
    if (error instanceof CorpusError) throw new InputError(error.message);
    throw error;
  }
  if (limit !== undefined) {
    const seen = new Map<string, number>();
    contracts = contracts.filter((c) => {
      const n = (seen.get(c.type) ?? 0) + 1;
      seen.set(c.type, n);
      return n <= limit;
    });
  }
  const status = new TerminalStatus<{ done: number; total: number; current: string }>(
    process.stderr,
    (p) => `scoring ${p.done}/${p.total} ${p.current}`,
    { redrawMs: 200, final: (p) => p.done === p.total },
  );
  const report = await scoreCorpus(corpus, contracts, {
    budgetSeconds: budget,
    onProgress: (done, total, current) => status.update({ done, total, current }),
  });
  status.clear();
  if (json !== undefined) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(scoreTable(report));
  return targetsMet(report) ? EXIT.held : EXIT.failed;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError) {
      console.error(`audit:score: ${error.message}`);
      process.exitCode = EXIT.usage;
      return;
    }
    throw error;
  },
);
