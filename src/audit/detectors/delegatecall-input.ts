/**
 * delegatecall-input — delegatecall to an address the caller chooses.
 *
 * Finds: `delegatecall` (or `callcode`) in a public or external function whose target comes from a
 *   parameter, msg.sender or tx.origin, with no check on the caller before it. The callee's code
 *   runs with this contract's storage and balance.
 * SWC: SWC-112 (Delegatecall to Untrusted Callee). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: delegatecall only to trusted, fixed addresses; restrict who can change them.
 */
import { callerRestricted } from "../analysis/access.js";
import { callSites } from "../analysis/expressions.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";
import { callerChosen } from "./unprotected-ether-withdrawal.js";

export const delegatecallInput: Detector = {
  info: {
    id: "delegatecall-input",
    title: "Delegatecall to a caller-chosen address",
    swc: "SWC-112",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description:
      "delegatecall runs the callee's code on this contract's storage and balance; with a target the caller chooses, the caller can overwrite the owner or take the ether.",
    recommendation: "Only delegatecall fixed, trusted code; restrict any function that changes the target.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      for (const call of callSites(fn.body)) {
        if (call.kind !== "delegatecall" && call.kind !== "callcode") continue;
        if (!callerChosen(call.target, fn, program) || callerRestricted(fn, program, call.node)) continue;
        hits.push({ contract: fn.contract, function: fn, node: call.node, message: `${fn.signature} delegatecalls an address the caller chooses` });
      }
    }
    return hits;
  },
};
