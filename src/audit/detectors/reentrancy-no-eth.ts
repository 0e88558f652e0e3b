/**
 * reentrancy-no-eth — an external call with all gas before the state it depends on is updated.
 *
 * Finds: a call that forwards all remaining gas without sending ether (a low-level `call`, or a
 *   state-changing call to another contract), followed by a write to a state variable the function
 *   read before the call.
 * SWC: SWC-107 (Reentrancy). Category: reentrancy.
 * Severity: medium. Confidence: medium.
 * Recommendation: update state before the call (checks-effects-interactions), or a reentrancy guard.
 */
import { field, typeString } from "../analysis/ast.js";
import type { CallSite } from "../analysis/expressions.js";
import type { Program } from "../analysis/model.js";
import { forwardsAllGas, sendsValue, staleWrites, variableName } from "../analysis/reentrancy.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/**
 * A call the callee can use to re-enter, not sending ether (reentrancy-eth's case): a low-level
 * call, or an external call; a view/pure one only before 0.5, which calls them with CALL
 * (0.5.0 and later use STATICCALL, EIP-214, where the callee cannot change state).
 */
function selector(program: Program): (call: CallSite) => boolean {
  const staticViews = !program.compilerVersion.startsWith("0.4.");
  return (call) => {
    if (sendsValue(call) || !forwardsAllGas(call)) return false;
    if (call.kind === "call") return true;
    if (call.kind !== "external") return false;
    const callee = field(call.node, "expression");
    return callee !== undefined && !(staticViews && / (view|pure|constant)\b/.test(typeString(callee)));
  };
}

export const reentrancyNoEth: Detector = {
  info: {
    id: "reentrancy-no-eth",
    title: "Re-entrancy: external call before state is updated",
    swc: "SWC-107",
    category: "reentrancy",
    severity: "medium",
    confidence: "medium",
    description:
      "The callee gets control and all remaining gas before the function updates state it read; it can call back into the contract and observe or act on the stale state.",
    recommendation: "Update state before the call (checks-effects-interactions), or guard the function with a reentrancy lock.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const { at, write } of staleWrites(fn, program, selector(program))) {
        hits.push({
          contract: fn.contract,
          function: fn,
          node: at,
          message: `${fn.signature} calls out before writing ${variableName(write)}`,
        });
      }
    }
    return hits;
  },
};
