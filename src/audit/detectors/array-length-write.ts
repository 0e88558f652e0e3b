/**
 * array-length-write — a storage array's length decremented without a check.
 *
 * Finds: `arr.length--` or `arr.length -= n` on a storage array (allowed before 0.6) in a public
 *   or external function, with no earlier condition on `arr.length`: at length 0 it wraps to
 *   2^256 − 1, and `arr[i] = v` can then write any storage slot, the owner's included.
 * SWC: SWC-124 (Write to Arbitrary Storage Location). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: use `pop()` (0.5 and later), or require a non-zero length before decrementing.
 */
import { type AstNode, descendants, field, srcStart, text } from "../analysis/ast.js";
import { conditions } from "../analysis/flow.js";
import type { SourceText } from "../analysis/source.js";
import { normaliseCode } from "../analysis/source.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** The `x.length` a node decrements, if it is `x.length--`, `--x.length` or `x.length -= n`. */
function decrementedLength(node: AstNode): AstNode | undefined {
  const target =
    node.nodeType === "UnaryOperation" && text(node, "operator") === "--"
      ? field(node, "subExpression")
      : node.nodeType === "Assignment" && text(node, "operator") === "-="
        ? field(node, "leftHandSide")
        : undefined;
  return target?.nodeType === "MemberAccess" && text(target, "memberName") === "length" ? target : undefined;
}

function checkedBefore(length: AstNode, point: AstNode, guards: readonly AstNode[], source: SourceText): boolean {
  const wanted = normaliseCode(source.textOf(length));
  return guards.some((g) => srcStart(g) < srcStart(point) && normaliseCode(source.textOf(g)).includes(wanted));
}

export const arrayLengthWrite: Detector = {
  info: {
    id: "array-length-write",
    title: "Array length decremented without a check",
    swc: "SWC-124",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description:
      "Decrementing an empty storage array's length wraps it to 2^256 - 1; every storage slot is then an element of the array, and writing one overwrites any state variable.",
    recommendation: "Use pop(), or require(arr.length > 0) before decrementing the length.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      const guards = conditions(fn.body, program);
      for (const node of descendants(fn.body)) {
        const length = decrementedLength(node);
        if (length === undefined || checkedBefore(length, node, guards, fn.contract.source)) continue;
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} decrements an array length that may be 0` });
      }
    }
    return hits;
  },
};
