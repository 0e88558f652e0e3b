/**
 * timestamp-dependence — control flow or a payment decided by the block timestamp.
 *
 * Finds: `block.timestamp` / `now` (directly or through a local variable holding it) in a branch
 *   or loop condition, a require/assert, a comparison, or arithmetic whose result is an ether amount.
 * SWC: SWC-116 (Block values as a proxy for time). Category: time_manipulation.
 * Severity: low. Confidence: medium.
 * Recommendation: do not let outcomes hinge on the timestamp within the ~15 s a proposer can shift
 *   it; never use it as a source of randomness or for exact equality.
 */
import { type AstNode, descendants } from "../analysis/ast.js";
import { callSites, isTimestamp } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import type { Program } from "../analysis/model.js";
import { dependsOn, isComparison, taintedLocals } from "../analysis/taint.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** The places in a function where the timestamp decides something. */
export function timestampDecisions(body: AstNode, program: Program): AstNode[] {
  const isSource = (n: AstNode) => isTimestamp(n, program);
  const tainted = taintedLocals(body, isSource);
  const decisions = [
    ...conditions(body, program),
    ...descendants(body).filter(isComparison),
    ...callSites(body).flatMap((c) => (c.value === undefined ? [] : [c.value])),
  ];
  return decisions.filter((d) => dependsOn(d, isSource, tainted));
}

export const timestampDependence: Detector = {
  info: {
    id: "timestamp-dependence",
    title: "Decision depends on the block timestamp",
    swc: "SWC-116",
    category: "time_manipulation",
    severity: "low",
    confidence: "medium",
    description:
      "The block proposer chooses the timestamp within a tolerance; a branch, comparison or payment that depends on it can be steered, and exact equality with it is a lottery.",
    recommendation:
      "Tolerate a shift of the timestamp by several seconds; use block numbers or commit-reveal for ordering and randomness.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const node of timestampDecisions(fn.body, program)) {
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} decides on block.timestamp` });
      }
    }
    return hits;
  },
};
