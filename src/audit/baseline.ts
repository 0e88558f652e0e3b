/**
 * `--baseline FILE`: the finding ids of an earlier JSON report (src/audit/report/json.ts), whose
 * findings the next report hides. Ids hash the contract, function and normalised code, not the
 * line (src/audit/finding.ts), so triage survives unrelated edits (crytic/slither#2300). The ids an
 * earlier report itself hid through its own baseline count too, so baselines chain.
 */

/** An earlier report that cannot serve as a baseline: unreadable JSON or not a report. */
export class BaselineError extends Error {
  readonly code = "BASELINE";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function idsAt(list: unknown, where: string): string[] {
  if (!Array.isArray(list)) throw new BaselineError(`${where} is not a list`);
  return list.map((item, index) => {
    const id = isRecord(item) ? item["id"] : item;
    if (typeof id !== "string" || id === "") throw new BaselineError(`${where}[${index}] has no id`);
    return id;
  });
}

/** The ids an earlier JSON report's findings carry, and those it hid itself. */
export function parseBaseline(text: string): ReadonlySet<string> {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(report) || !("findings" in report)) throw new BaselineError("not an svm audit JSON report (no \"findings\")");
  const ids = idsAt(report["findings"], "findings");
  const earlier = report["baseline"];
  if (isRecord(earlier) && "hiddenIds" in earlier) ids.push(...idsAt(earlier["hiddenIds"], "baseline.hiddenIds"));
  return new Set(ids);
}
