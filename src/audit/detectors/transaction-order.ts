/**
 * transaction-order — an ether payment whose recipient or amount another transaction can change.
 *
 * Finds: a transfer, send or call with value whose recipient or amount reads a (non-mapping) state
 *   variable that a public function writes; a transaction that writes it (a new winner, a new
 *   reward) can be ordered before the payment by whoever sees both in the mempool. A recipient
 *   written only by caller-restricted functions (an owner changed by the owner) does not count.
 * SWC: SWC-114 (Transaction Order Dependence). Category: front_running.
 * Severity: medium. Confidence: low.
 * Recommendation: commit-reveal, or fix the amount/recipient in the same transaction that claims it.
 */
import { type AstNode, descendants } from "../analysis/ast.js";
import { callerRestricted } from "../analysis/access.js";
import { callSites, isMsgSender, stateVariableOf, stateWrites } from "../analysis/expressions.js";
import type { FunctionModel, Program } from "../analysis/model.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** Plain state variables (not indexed per caller) read by an expression. */
function sharedVariables(expression: AstNode, program: Program): AstNode[] {
  return descendants(expression).flatMap((n) => {
    const variable = stateVariableOf(n, program);
    if (variable === undefined) return [];
    const type = String((variable.typeDescriptions as { typeString?: string } | undefined)?.typeString ?? "");
    return type.startsWith("mapping") || type.endsWith("]") ? [] : [variable];
  });
}

interface Writer {
  readonly fn: FunctionModel & { body: AstNode };
  readonly restricted: boolean;
}

function writersByVariable(program: Program): Map<number, Writer[]> {
  const writers = new Map<number, Writer[]>();
  for (const fn of implementedFunctions(program)) {
    if (!fn.callable) continue;
    const restricted = callerRestricted(fn, program);
    for (const write of stateWrites(fn.body, program)) {
      const list = writers.get(write.variable.id) ?? [];
      if (!list.some((w) => w.fn === fn)) list.push({ fn, restricted });
      writers.set(write.variable.id, list);
    }
  }
  return writers;
}

export const transactionOrder: Detector = {
  info: {
    id: "transaction-order",
    title: "Payment depends on transaction order",
    swc: "SWC-114",
    category: "front_running",
    severity: "medium",
    confidence: "low",
    description:
      "The recipient or amount of an ether payment is read from state that any account can change in another transaction; the order miners choose decides who is paid and how much.",
    recommendation: "Fix recipient and amount in the transaction that claims them, or use commit-reveal.",
  },
  detect(program) {
    const writers = writersByVariable(program);
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      for (const call of callSites(fn.body)) {
        if (call.value === undefined || !["transfer", "send", "call"].includes(call.kind)) continue;
        const recipientVariables = isMsgSender(call.target, program) ? [] : sharedVariables(call.target, program);
        const changeable = [
          ...recipientVariables.filter((v) => (writers.get(v.id) ?? []).some((w) => !w.restricted)),
          ...sharedVariables(call.value, program).filter((v) => (writers.get(v.id) ?? []).length > 0),
        ];
        if (changeable.length === 0) continue;
        const names = [...new Set(changeable.map((v) => String(v.name)))].join(", ");
        hits.push({
          contract: fn.contract,
          function: fn,
          node: call.node,
          message: `${fn.signature} pays according to ${names}, which another transaction can change first`,
        });
      }
    }
    return hits;
  },
};
