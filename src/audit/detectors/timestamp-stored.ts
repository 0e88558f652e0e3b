/**
 * timestamp-stored — the block timestamp recorded or passed on.
 *
 * Finds: `block.timestamp` / `now` read anywhere else than in a decision (which
 *   timestamp-dependence reports): stored in state (a deadline, a last-action time), returned,
 *   emitted, passed to a function. Such values usually feed a later time-dependent decision.
 * SWC: SWC-116 (Block values as a proxy for time). Category: time_manipulation.
 * Severity: informational. Confidence: low.
 * Recommendation: check that every later decision on the recorded time tolerates the proposer's shift.
 */
import { contains, descendants, list } from "../analysis/ast.js";
import { isTimestamp } from "../analysis/expressions.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";
import { timestampDecisions } from "./timestamp-dependence.js";

export const timestampStored: Detector = {
  info: {
    id: "timestamp-stored",
    title: "Block timestamp recorded",
    swc: "SWC-116",
    category: "time_manipulation",
    severity: "informational",
    confidence: "low",
    description:
      "The block timestamp is stored or passed on; whatever later compares against it inherits the proposer's freedom to shift it.",
    recommendation: "Check that every decision on this value tolerates a timestamp shifted by several seconds.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      const decisions = timestampDecisions(fn.body, program);
      for (const node of descendants(fn.body)) {
        if (!isTimestamp(node, program) || decisions.some((d) => contains(d, node))) continue;
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} records block.timestamp` });
      }
    }
    for (const contract of program.contracts) {
      for (const variable of list(contract.node, "nodes")) {
        if (variable.nodeType !== "VariableDeclaration") continue;
        const reads = descendants(variable).filter((n) => isTimestamp(n, program));
        if (reads.length > 0) {
          hits.push({ contract, function: undefined, node: variable, message: `state variable initialised with block.timestamp` });
        }
      }
    }
    return hits;
  },
};
