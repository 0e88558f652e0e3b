/**
 * Which enumerated cases a run executes, and why the others are skipped.
 *
 * Order of the steps (documented in docs/conformance.md): sort by id, keep `--fork`, keep
 * `--filter` (and a programmatic `include`), take the `--shard`; then, within the shard, a
 * case is skipped when its fork is unknown to SVM, unsupported by the implementation, or
 * matched by the skip list. Sharding comes before skipping so that each skipped case is
 * counted by exactly one shard.
 */
import { FORK_NAMES, isForkName, type ForkName } from "../../interface/implementation.js";
import type { SkipEntry } from "../skip-list.js";
import type { CaseRef } from "./cases.js";
import { shardOf, type Shard } from "./shard.js";

/** One item of the enumeration: a case of a file, or a file that failed to decode. */
export type Enumerated =
  | { readonly kind: "case"; readonly path: string; readonly fileId: string; readonly ref: CaseRef }
  | { readonly kind: "malformed"; readonly path: string; readonly fileId: string; readonly error: string };

export function enumeratedId(item: Enumerated): string {
  return item.kind === "case" ? item.ref.id : item.fileId;
}

export interface SelectionOptions {
  /** Keep only this fork's cases (malformed files are kept: their forks are unknown). */
  readonly fork?: ForkName;
  readonly filter?: RegExp;
  /** A programmatic filter over ids, applied with `filter` (e.g. a fixed sample of the cases). */
  readonly include?: (id: string) => boolean;
  readonly shard?: Shard;
  readonly implementationName: string;
  readonly supportedForks: readonly ForkName[];
  readonly skipList: readonly SkipEntry[];
}

export type Planned =
  | { readonly action: "run"; readonly path: string; readonly fileId: string; readonly ref: CaseRef; readonly fork: ForkName }
  | { readonly action: "skip"; readonly id: string; readonly reason: string }
  | { readonly action: "malformed"; readonly id: string; readonly error: string };

/** Code-unit order, independent of the locale, so every machine sorts alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function skipReason(ref: CaseRef, options: SelectionOptions): string | undefined {
  if (!isForkName(ref.fork)) return `fork ${ref.fork} is not one SVM knows (${FORK_NAMES.join(", ")})`;
  if (!options.supportedForks.includes(ref.fork)) return `implementation ${options.implementationName} does not support fork ${ref.fork}`;
  return options.skipList.find((entry) => entry.pattern.test(ref.id))?.reason;
}

export function planRun(items: readonly Enumerated[], options: SelectionOptions): Planned[] {
  const sorted = [...items].sort((a, b) => compareIds(enumeratedId(a), enumeratedId(b)));
  const selected = sorted.filter(
    (item) =>
      (options.fork === undefined || item.kind === "malformed" || item.ref.fork === options.fork) &&
      (options.filter === undefined || options.filter.test(enumeratedId(item))) &&
      (options.include === undefined || options.include(enumeratedId(item))),
  );
  return shardOf(selected, options.shard).map((item): Planned => {
    if (item.kind === "malformed") return { action: "malformed", id: item.fileId, error: item.error };
    const reason = skipReason(item.ref, options);
    if (reason !== undefined) return { action: "skip", id: item.ref.id, reason };
    return { action: "run", path: item.path, fileId: item.fileId, ref: item.ref, fork: item.ref.fork as ForkName };
  });
}
