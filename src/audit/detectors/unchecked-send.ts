/**
 * unchecked-send — the result of `send` is ignored.
 *
 * Finds: `addr.send(v)` whose boolean result is discarded, stored and never read, or tested only
 *   by a branch that does nothing on failure (or by a condition a constant makes always true).
 * SWC: SWC-104 (Unchecked Call Return Value). Category: unchecked_low_level_calls.
 * Severity: medium. Confidence: high.
 * Recommendation: `require(addr.send(v))`, or use `transfer`, or a pull-payment pattern.
 */
import type { Detector, Hit } from "./detector.js";
import { implementedFunctions } from "./detector.js";
import { callSites } from "../analysis/expressions.js";
import { resultIgnored } from "../analysis/results.js";

export const uncheckedSend: Detector = {
  info: {
    id: "unchecked-send",
    title: "Unchecked send",
    swc: "SWC-104",
    category: "unchecked_low_level_calls",
    severity: "medium",
    confidence: "high",
    description:
      "send returns false instead of reverting when the transfer fails (the 2300-gas stipend runs out, the call stack is full); ignoring it loses the ether or the bookkeeping silently.",
    recommendation: "Check the result: require(addr.send(v)), or use transfer, or let recipients withdraw (pull payment).",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const site of callSites(fn.body)) {
        if (site.kind !== "send" || !resultIgnored(site.node, fn.body, program)) continue;
        hits.push({ contract: fn.contract, function: fn, node: site.node, message: `${fn.signature} ignores whether send succeeded` });
      }
    }
    return hits;
  },
};
