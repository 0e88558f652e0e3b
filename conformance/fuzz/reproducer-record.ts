/**
 * What a reproducer file records about its divergence, besides the case itself: which two
 * implementations ran (and whether strictly), the campaign seed and run that found it, each side's
 * outcome, and what diverged — the outcome differences (state root, logs hash, gas used, output,
 * status), a side's own traced ⇄ untraced differences (an engine split, differential.ts) and the
 * first diverging canonical trace line. A trace-only or output-only divergence is
 * invisible to a GeneralStateTests post entry, so `svm fuzz --replay` reads this record and runs
 * the full differential comparison again.
 *
 * It is stored in the test's `_info` object (`_info.svmFuzz`), where ethereum/tests keeps a test's
 * metadata, so the file stays a GeneralStateTests file any state-test runner can read.
 */
import * as t from "io-ts";
import { bytesToHex } from "../../spec/primitives/bytes.js";
import type { CaseOutcome } from "../../interface/implementation.js";
import { formatValidationError } from "../formats/state-tests.js";
import type { DifferentialResult, RunResult } from "./differential.js";

/** The format's version: a reader refuses a record of another version rather than misread it. */
export const RECORD_VERSION = 1;

const OutcomeRecord = t.union([
  t.type({ crash: t.string }),
  t.type({
    kind: t.literal("executed"),
    stateRoot: t.string,
    /** null: the implementation reports no logs hash (a `cmd:` peer such as geth's evm). */
    logsHash: t.union([t.string, t.null]),
    gasUsed: t.string,
    output: t.string,
    status: t.string,
  }),
  t.type({ kind: t.literal("rejected"), stateRoot: t.string, error: t.string, message: t.string }),
]);

const Difference = t.type({ what: t.string, a: t.string, b: t.string });

export const ReproducerRecord = t.intersection([
  t.type({
    version: t.literal(RECORD_VERSION),
    a: t.string,
    b: t.string,
    /** Whether the campaign applied no known difference of a peer. */
    strict: t.boolean,
    /** The campaign seed and the run number (`svm fuzz --seed S` reaches it again as run `run`). */
    seed: t.number,
    run: t.number,
    runSeed: t.number,
    shrinks: t.number,
    differences: t.array(Difference),
    outcomes: t.type({ a: OutcomeRecord, b: OutcomeRecord }),
  }),
  t.partial({
    /** Each side whose traced and untraced runs differed: `a` of a difference is the traced run's, `b` the untraced run's. */
    engineSplits: t.array(t.type({ side: t.union([t.literal("a"), t.literal("b")]), differences: t.array(Difference) })),
    trace: t.intersection([t.type({ index: t.number }), t.partial({ a: t.string, b: t.string })]),
  }),
]);

export type ReproducerRecord = t.TypeOf<typeof ReproducerRecord>;
export type OutcomeRecord = t.TypeOf<typeof OutcomeRecord>;

/** Where a divergence came from: the campaign around it. */
export interface CampaignContext {
  readonly a: string;
  readonly b: string;
  readonly strict: boolean;
  readonly seed: number;
}

function outcomeRecord(outcome: CaseOutcome): OutcomeRecord {
  if (outcome.kind === "rejected") {
    return { kind: "rejected", stateRoot: bytesToHex(outcome.stateRoot), error: outcome.error, message: outcome.message };
  }
  return {
    kind: "executed",
    stateRoot: bytesToHex(outcome.stateRoot),
    logsHash: outcome.logsHash === undefined ? null : bytesToHex(outcome.logsHash),
    gasUsed: `0x${outcome.gasUsed.toString(16)}`,
    output: bytesToHex(outcome.output),
    status: outcome.status,
  };
}

function runRecord(result: RunResult): OutcomeRecord {
  return result.ok ? outcomeRecord(result.outcome) : { crash: result.crash };
}

export function recordOf(
  context: CampaignContext,
  found: { readonly run: number; readonly runSeed: number; readonly shrinks: number },
  result: DifferentialResult,
): ReproducerRecord {
  return {
    version: RECORD_VERSION,
    a: context.a,
    b: context.b,
    strict: context.strict,
    seed: context.seed,
    run: found.run,
    runSeed: found.runSeed,
    shrinks: found.shrinks,
    differences: result.differences.map(({ what, a, b }) => ({ what, a, b })),
    outcomes: { a: runRecord(result.a), b: runRecord(result.b) },
    ...(result.engineSplits !== undefined && {
      engineSplits: result.engineSplits.map(({ side, differences }) => ({ side, differences: differences.map(({ what, a, b }) => ({ what, a, b })) })),
    }),
    ...(result.trace !== undefined && { trace: { ...result.trace } }),
  };
}

export type DecodedRecord = { readonly ok: true; readonly record: ReproducerRecord } | { readonly ok: false; readonly error: string };

export function decodeRecord(value: unknown): DecodedRecord {
  const decoded = ReproducerRecord.decode(value);
  if (decoded._tag === "Right") return { ok: true, record: decoded.right };
  return { ok: false, error: formatValidationError(decoded.left[0]!) };
}

/** What diverged, as a list of names (`status`, `output`, `b traced ⇄ untraced gas used`, `trace`, …), to tell whether a replay diverges as recorded. */
export function divergenceShape(divergence: {
  readonly differences: readonly { readonly what: string }[];
  readonly engineSplits?: readonly { readonly side: string; readonly differences: readonly { readonly what: string }[] }[];
  readonly trace?: { readonly index: number };
}): string {
  const parts = divergence.differences.map((difference) => difference.what);
  for (const split of divergence.engineSplits ?? []) parts.push(...split.differences.map((difference) => `${split.side} traced ⇄ untraced ${difference.what}`));
  if (divergence.trace !== undefined) parts.push(`trace (step ${divergence.trace.index})`);
  return parts.join(", ");
}
