/**
 * unprotected-ether-withdrawal — anyone can take ether out.
 *
 * Finds: a public or external function that sends ether (transfer, send, call with value) to its
 *   caller or to an address the caller chooses, of an amount that is neither the caller's own
 *   deposit (msg.value, a balance indexed by msg.sender that the function debits) nor preceded by
 *   any condition or modifier check: nothing stands between a stranger and the contract's ether
 *   (or, for a balance never debited, between the caller and repeated withdrawals).
 * SWC: SWC-105 (Unprotected Ether Withdrawal). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: restrict the function to authorized callers, or pay only what the caller is owed.
 */
import { type AstNode, descendants, field, srcStart } from "../analysis/ast.js";
import { isMsgSender, isMsgValue, isTxOrigin, rootOf, stateVariableOf, stateWritesReaching } from "../analysis/expressions.js";
import { callSites } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import { type FunctionModel, modifiersOf, type Program } from "../analysis/model.js";
import { dependsOn, taintedLocals } from "../analysis/taint.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** An address the caller controls: msg.sender, tx.origin, or one derived from a parameter. */
export function callerChosen(expression: AstNode, fn: FunctionModel & { body: AstNode }, program: Program): boolean {
  const parameters = new Set(descendants(field(fn.node, "parameters") ?? fn.node).map((n) => n.id));
  const isSource = (n: AstNode) =>
    isMsgSender(n, program) ||
    isTxOrigin(n, program) ||
    (n.nodeType === "Identifier" && typeof n.referencedDeclaration === "number" && parameters.has(n.referencedDeclaration));
  return dependsOn(expression, isSource, taintedLocals(fn.body, isSource));
}

/**
 * An amount owed to the caller: msg.value, or read from a mapping entry at msg.sender that the
 * function also writes (debits). A balance paid out and never debited can be withdrawn again and
 * again, so it does not count as owed.
 */
function callersOwn(amount: AstNode, fn: FunctionModel & { body: AstNode }, program: Program): boolean {
  const debited = new Set(stateWritesReaching(fn.body, program).map((w) => w.variable.id));
  const isSource = (n: AstNode) => {
    if (isMsgValue(n, program)) return true;
    if (n.nodeType !== "IndexAccess" || !descendants(field(n, "indexExpression") ?? n).some((i) => isMsgSender(i, program))) return false;
    const variable = stateVariableOf(rootOf(n), program);
    return variable === undefined || debited.has(variable.id);
  };
  return dependsOn(amount, isSource, taintedLocals(fn.body, isSource));
}

/** Any modifier or condition before `point` (a modifier may check anything: it counts as a guard). */
export function guardedBefore(point: AstNode, fn: FunctionModel & { body: AstNode }, program: Program): boolean {
  if (modifiersOf(fn, program).some((m) => conditions(m, program).length > 0)) return true;
  return conditions(fn.body, program).some((c) => srcStart(c) < srcStart(point));
}

export const unprotectedEtherWithdrawal: Detector = {
  info: {
    id: "unprotected-ether-withdrawal",
    title: "Unprotected ether withdrawal",
    swc: "SWC-105",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description:
      "A function any account can call sends the contract's ether to the caller or to an address the caller names, without checking who calls or what the caller is owed.",
    recommendation: "Restrict the function (require(msg.sender == owner), an onlyOwner modifier) or pay only balances the caller deposited.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      for (const call of callSites(fn.body)) {
        if (call.value === undefined || !["transfer", "send", "call"].includes(call.kind)) continue;
        if (!callerChosen(call.target, fn, program) || callersOwn(call.value, fn, program)) continue;
        if (guardedBefore(call.node, fn, program)) continue;
        hits.push({
          contract: fn.contract,
          function: fn,
          node: call.node,
          message: `${fn.signature} lets any caller send the contract's ether to an address of their choice`,
        });
      }
    }
    return hits;
  },
};
