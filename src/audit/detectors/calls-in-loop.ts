/**
 * calls-in-loop — payments or external calls inside a loop.
 *
 * Finds: transfer, send, a low-level call or an external call inside a for/while loop. One
 *   recipient that reverts (transfer, a checked call) blocks everyone after it, and a loop over a
 *   growing list eventually needs more gas than a block has.
 * SWC: SWC-113 (DoS with Failed Call); SWC-128 (DoS with Block Gas Limit). Category: denial_of_service.
 * Severity: medium. Confidence: medium.
 * Recommendation: let each recipient withdraw on their own (pull payments); bound loops.
 */
import { callSites } from "../analysis/expressions.js";
import { enclosingLoops } from "../analysis/flow.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const callsInLoop: Detector = {
  info: {
    id: "calls-in-loop",
    title: "External call or payment inside a loop",
    swc: "SWC-113",
    category: "denial_of_service",
    severity: "medium",
    confidence: "medium",
    description:
      "A loop that pays or calls several addresses fails as a whole when one of them reverts or the list outgrows the block gas limit.",
    recommendation: "Favour pull over push payments: record what each recipient is owed and let them withdraw.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const call of callSites(fn.body)) {
        if (enclosingLoops(call.node, fn.body).length === 0) continue;
        hits.push({ contract: fn.contract, function: fn, node: call.node, message: `${fn.signature} calls out (${call.kind}) inside a loop` });
      }
    }
    return hits;
  },
};
