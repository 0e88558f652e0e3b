/**
 * tx-origin — authorization through `tx.origin`.
 *
 * Finds: `tx.origin` compared or checked in a condition (require, if, modifier), other than the
 *   `tx.origin == msg.sender` test that a caller is an externally owned account.
 * SWC: SWC-115 (Authorization through tx.origin). Category: access_control.
 * Severity: medium. Confidence: high.
 * Recommendation: authorize with `msg.sender`; a contract the owner calls can otherwise act as the owner.
 */
import { type AstNode, descendants, field } from "../analysis/ast.js";
import { conditions } from "../analysis/flow.js";
import { isMsgSender, isTxOrigin } from "../analysis/expressions.js";
import type { Program } from "../analysis/model.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

function comparesWithMsgSender(comparison: AstNode, program: Program): boolean {
  const sides = [field(comparison, "leftExpression"), field(comparison, "rightExpression")];
  return sides.some((side) => side !== undefined && isMsgSender(side, program));
}

export const txOrigin: Detector = {
  info: {
    id: "tx-origin",
    title: "Authorization through tx.origin",
    swc: "SWC-115",
    category: "access_control",
    severity: "medium",
    confidence: "high",
    description:
      "tx.origin is the account that signed the transaction, not the caller: a malicious contract the owner is lured into calling passes a tx.origin check.",
    recommendation: "Check msg.sender instead of tx.origin.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const condition of conditions(fn.body, program)) {
        for (const node of descendants(condition)) {
          if (!isTxOrigin(node, program)) continue;
          const comparison = descendants(condition).find(
            (n) => n.nodeType === "BinaryOperation" && descendants(n).includes(node),
          );
          if (comparison !== undefined && comparesWithMsgSender(comparison, program)) continue;
          hits.push({ contract: fn.contract, function: fn, node: condition, message: `${fn.signature} decides on tx.origin` });
        }
      }
    }
    return hits;
  },
};
