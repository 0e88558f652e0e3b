/**
 * unprotected-selfdestruct — anyone can destroy the contract.
 *
 * Finds: `selfdestruct` (or `suicide`) in a public or external function with no check on the
 *   caller before it (no condition on msg.sender in the body, no modifier that checks the caller).
 * SWC: SWC-106 (Unprotected SELFDESTRUCT Instruction). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: restrict the function to the owner, or remove selfdestruct.
 */
import { descendants } from "../analysis/ast.js";
import { callerRestricted } from "../analysis/access.js";
import { builtinCallName } from "../analysis/expressions.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const unprotectedSelfdestruct: Detector = {
  info: {
    id: "unprotected-selfdestruct",
    title: "Unprotected selfdestruct",
    swc: "SWC-106",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description: "Any account can call a function that self-destructs the contract and sends its ether away.",
    recommendation: "Restrict the function to the owner (a check on msg.sender), or remove selfdestruct.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      for (const node of descendants(fn.body)) {
        const name = builtinCallName(node, program);
        if ((name !== "selfdestruct" && name !== "suicide") || callerRestricted(fn, program, node)) continue;
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} lets any caller destroy the contract` });
      }
    }
    return hits;
  },
};
