/**
 * reentrancy-eth — ether sent with all gas before the state that guards it is updated.
 *
 * Finds: a call that sends ether and forwards all remaining gas (`call.value(v)(…)`,
 *   `call{value: v}(…)`, an external call with value) to a callee an attacker can be (the caller,
 *   an address passed in, or one anyone can set; not one fixed by the constructor or the owner),
 *   followed by a write to a state variable the function read before the call (the balance or
 *   flag that should have stopped a second withdrawal).
 * SWC: SWC-107 (Reentrancy). Category: reentrancy.
 * Severity: high. Confidence: medium.
 * Recommendation: checks-effects-interactions: update state before the call; or a reentrancy guard.
 */
import type { CallSite } from "../analysis/expressions.js";
import { forwardsAllGas, sendsValue, staleWrites, variableName } from "../analysis/reentrancy.js";
import { untrustedTarget } from "../analysis/trust.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const reentrancyEth: Detector = {
  info: {
    id: "reentrancy-eth",
    title: "Re-entrancy: ether sent before state is updated",
    swc: "SWC-107",
    category: "reentrancy",
    severity: "high",
    confidence: "medium",
    description:
      "The callee receives ether and all remaining gas before the function updates state it read; it can call back and pass the same checks again (the DAO attack).",
    recommendation:
      "Update state before the call (checks-effects-interactions), or guard the function with a reentrancy lock; prefer pull payments.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      const selects = (call: CallSite) =>
        (call.kind === "call" || call.kind === "external") && sendsValue(call) && forwardsAllGas(call) && untrustedTarget(call.target, fn, program);
      for (const { at, write } of staleWrites(fn, program, selects)) {
        hits.push({
          contract: fn.contract,
          function: fn,
          node: at,
          message: `${fn.signature} sends ether before writing ${variableName(write)}`,
        });
      }
    }
    return hits;
  },
};
