/**
 * unbounded-loop — a loop whose cost any account can make exceed the block gas limit.
 *
 * Finds: a loop in a public function that grows a state array (push, `length++`/`+=`), or that
 *   runs up to the length of a state array which some public function without a caller check
 *   grows. Each call makes every later loop over the array dearer, until it cannot run at all.
 * SWC: SWC-128 (DoS With Block Gas Limit). Category: denial_of_service.
 * Severity: medium. Confidence: medium.
 * Recommendation: bound loops (process in batches with a stored cursor), cap the array's size.
 */
import { type AstNode, descendants, field, text } from "../analysis/ast.js";
import { callerRestricted } from "../analysis/access.js";
import { rootOf, stateVariableOf } from "../analysis/expressions.js";
import type { Program } from "../analysis/model.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

const LOOPS = ["ForStatement", "WhileStatement", "DoWhileStatement"];

/** State arrays a subtree grows: `a.push(…)`, `a.length++`, `a.length += n`. */
function grownArrays(node: AstNode, program: Program): Set<number> {
  const grown = new Set<number>();
  for (const n of descendants(node)) {
    let array: AstNode | undefined;
    if (n.nodeType === "FunctionCall") {
      const callee = field(n, "expression");
      if (callee?.nodeType === "MemberAccess" && text(callee, "memberName") === "push") array = field(callee, "expression");
    } else if ((n.nodeType === "UnaryOperation" && text(n, "operator") === "++") || (n.nodeType === "Assignment" && text(n, "operator") === "+=")) {
      const target = field(n, n.nodeType === "Assignment" ? "leftHandSide" : "subExpression");
      if (target?.nodeType === "MemberAccess" && text(target, "memberName") === "length") array = field(target, "expression");
    }
    const variable = array === undefined ? undefined : stateVariableOf(rootOf(array), program);
    if (variable !== undefined) grown.add(variable.id);
  }
  return grown;
}

/** State arrays whose `.length` bounds the loop's condition. */
function lengthBounds(condition: AstNode, program: Program): number[] {
  return descendants(condition).flatMap((n) => {
    if (n.nodeType !== "MemberAccess" || text(n, "memberName") !== "length") return [];
    const base = field(n, "expression");
    return base === undefined ? [] : (stateVariableOf(rootOf(base), program)?.id ?? []);
  });
}

export const unboundedLoop: Detector = {
  info: {
    id: "unbounded-loop",
    title: "Loop over an array anyone can grow",
    swc: "SWC-128",
    category: "denial_of_service",
    severity: "medium",
    confidence: "medium",
    description:
      "The loop's cost grows with an array that any account can lengthen; past the block gas limit the function can no longer run, locking whatever depends on it.",
    recommendation: "Bound the work per transaction (batches with a stored cursor) and cap the array's length.",
  },
  detect(program) {
    const openlyGrown = new Set<number>();
    for (const fn of implementedFunctions(program)) {
      if (fn.callable && !callerRestricted(fn, program)) for (const id of grownArrays(fn.body, program)) openlyGrown.add(id);
    }
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      for (const loop of descendants(fn.body).filter((n) => LOOPS.includes(n.nodeType))) {
        const condition = field(loop, "condition") ?? loop;
        const body = field(loop, "body");
        const grows = body !== undefined && grownArrays(body, program).size > 0;
        const overGrown = lengthBounds(condition, program).some((id) => openlyGrown.has(id));
        if (!grows && !overGrown) continue;
        hits.push({
          contract: fn.contract,
          function: fn,
          node: condition,
          message: grows
            ? `${fn.signature} grows a state array in a loop`
            : `${fn.signature} loops over a state array any account can grow`,
        });
      }
    }
    return hits;
  },
};
