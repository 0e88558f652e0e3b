/**
 * unchecked-lowlevel — the success flag of a low-level call is ignored.
 *
 * Finds: `call`, `delegatecall`, `callcode` or `staticcall` whose boolean result is discarded,
 *   stored and never read, or tested only by a branch that does nothing on failure; and
 *   `addr.call.value(v);` without the final `(…)`, which never makes the call at all.
 * SWC: SWC-104 (Unchecked Call Return Value). Category: unchecked_low_level_calls.
 * Severity: medium. Confidence: high.
 * Recommendation: check the returned success flag and revert (or handle the failure) when it is false.
 */
import type { Detector, Hit } from "./detector.js";
import { implementedFunctions } from "./detector.js";
import { descendants } from "../analysis/ast.js";
import { callSites, isUninvokedCall } from "../analysis/expressions.js";
import { resultIgnored } from "../analysis/results.js";

const LOW_LEVEL = new Set(["call", "delegatecall", "callcode", "staticcall"]);

export const uncheckedLowLevel: Detector = {
  info: {
    id: "unchecked-lowlevel",
    title: "Unchecked low-level call",
    swc: "SWC-104",
    category: "unchecked_low_level_calls",
    severity: "medium",
    confidence: "high",
    description:
      "Low-level calls do not propagate the callee's revert: they return false. When the flag is ignored, execution goes on as if the call had succeeded.",
    recommendation: "Check the success flag: (bool ok, ) = addr.call(...); require(ok);",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const site of callSites(fn.body)) {
        if (!LOW_LEVEL.has(site.kind) || !resultIgnored(site.node, fn.body, program)) continue;
        hits.push({
          contract: fn.contract,
          function: fn,
          node: site.node,
          message: `${fn.signature} ignores whether the low-level ${site.kind} succeeded`,
        });
      }
      for (const statement of descendants(fn.body).filter(isUninvokedCall)) {
        hits.push({
          contract: fn.contract,
          function: fn,
          node: statement,
          message: `${fn.signature} names a low-level call without making it (the final "()" is missing)`,
        });
      }
    }
    return hits;
  },
};
