/**
 * push-payment-dos — a payment to a stored recipient that must succeed before anyone else can act.
 *
 * Finds: a public function that pays an address held in a state variable with a call whose failure
 *   reverts (transfer, or send/call inside require/assert or with a revert on failure) and then
 *   replaces that variable: the refund to the previous leader of an auction or a king-of-the-hill
 *   game. A leader that is a contract which reverts on receipt blocks every later call.
 * SWC: SWC-113 (DoS with Failed Call). Category: denial_of_service.
 * Severity: medium. Confidence: medium.
 * Recommendation: record what the previous leader is owed and let them withdraw it (pull payment).
 */
import { type AstNode, descendants, srcStart } from "../analysis/ast.js";
import { callSites, stateVariableOf, stateWrites } from "../analysis/expressions.js";
import type { Program } from "../analysis/model.js";
import { failureReverts } from "../analysis/results.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** State variables an address expression reads. */
function recipientVariables(target: AstNode, program: Program): Set<number> {
  return new Set(descendants(target).flatMap((n) => stateVariableOf(n, program)?.id ?? []));
}

export const pushPaymentDos: Detector = {
  info: {
    id: "push-payment-dos",
    title: "Payment to a stored recipient blocks progress when it fails",
    swc: "SWC-113",
    category: "denial_of_service",
    severity: "medium",
    confidence: "medium",
    description:
      "The function must pay the address it is about to replace before it can go on; if that address is a contract that reverts on receipt, no one can ever replace it.",
    recommendation: "Credit the previous recipient and let them withdraw (pull payments) instead of paying them inline.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      const writes = stateWrites(fn.body, program);
      for (const call of callSites(fn.body)) {
        if (call.value === undefined || !["transfer", "send", "call"].includes(call.kind)) continue;
        if (!failureReverts(call.node, call.kind, fn.body, program)) continue;
        const recipients = recipientVariables(call.target, program);
        const replaced = writes.some((w) => recipients.has(w.variable.id) && srcStart(w.node) > srcStart(call.node));
        if (!replaced) continue;
        hits.push({
          contract: fn.contract,
          function: fn,
          node: call.node,
          message: `${fn.signature} must pay the current recipient before replacing it`,
        });
      }
    }
    return hits;
  },
};
