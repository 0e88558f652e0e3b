/**
 * Whether the boolean a call returns (send, call, delegatecall…) is acted upon (SWC-104): used in
 * require/assert, returned, or tested by a branch whose failure side does something.
 */
import { type AstNode, descendants, field, list, referencedDeclaration, srcEnd, srcStart, text } from "./ast.js";
import { builtinCallName, callSite, isConstantExpression, stateWrites } from "./expressions.js";
import type { Program } from "./model.js";
import { isExit, parentMap, statementsOf } from "./flow.js";

/**
 * Walks up from a call through `!`, parentheses and `&&`/`||` to the whole condition; says whether
 * the call's result arrives negated and whether a constant sits on the other side of an `&&`/`||`
 * (`!ok || 1 == 1` decides nothing).
 */
function climbCondition(
  call: AstNode,
  parents: ReadonlyMap<AstNode, AstNode>,
): { top: AstNode; negated: boolean; constantOther: boolean } {
  let node = call;
  let negated = false;
  let constantOther = false;
  for (let parent = parents.get(node); parent !== undefined; node = parent, parent = parents.get(node)) {
    if (parent.nodeType === "UnaryOperation" && text(parent, "operator") === "!") negated = !negated;
    else if (parent.nodeType === "TupleExpression" && list(parent, "components").length === 1) continue;
    else if (parent.nodeType === "BinaryOperation" && ["&&", "||"].includes(text(parent, "operator") ?? "")) {
      const other = field(parent, "leftExpression") === node ? field(parent, "rightExpression") : field(parent, "leftExpression");
      if (other !== undefined && isConstantExpression(other)) constantOther = true;
    } else break;
  }
  return { top: node, negated, constantOther };
}

/** Is a declared local variable read anywhere after its declaration in `body`? */
function readAfter(declarationId: number, after: AstNode, body: AstNode): boolean {
  return descendants(body).some(
    (n) => n.nodeType === "Identifier" && referencedDeclaration(n) === declarationId && srcStart(n) >= srcEnd(after),
  );
}

/** The local variable the call's (first) result is stored in, when it is. */
function storedIn(call: AstNode, parents: ReadonlyMap<AstNode, AstNode>): number | undefined {
  const parent = parents.get(call);
  if (parent === undefined) return undefined;
  if (parent.nodeType === "VariableDeclarationStatement" && field(parent, "initialValue") === call) {
    const ids = Array.isArray(parent.assignments) ? (parent.assignments as (number | null)[]) : [];
    const first = ids[0] ?? list(parent, "declarations")[0]?.id;
    return typeof first === "number" ? first : undefined;
  }
  if (parent.nodeType === "Assignment" && field(parent, "rightHandSide") === call) {
    const left = field(parent, "leftHandSide");
    const target = left?.nodeType === "TupleExpression" ? list(left, "components")[0] : left;
    return target === undefined ? undefined : referencedDeclaration(target);
  }
  return undefined;
}

/**
 * Does a statement do anything observable: write state, call out, emit, or leave the function
 * (return, revert, throw, a failing require)? Assigning a local variable alone is not observable.
 */
function hasEffect(statement: AstNode, body: AstNode, program: Program): boolean {
  if (stateWrites(statement, program).length > 0) return true;
  return descendants(statement).some((n) => {
    if (["Return", "Throw", "RevertStatement", "EmitStatement", "InlineAssembly"].includes(n.nodeType)) return true;
    if (n.nodeType !== "FunctionCall" || text(n, "kind") === "typeConversion") return false;
    if (callSite(n) !== undefined) return true;
    const builtin = builtinCallName(n, program);
    if (builtin !== undefined) return ["require", "assert", "revert", "selfdestruct", "suicide"].includes(builtin);
    return !isConstantExpression(n) && body !== n;
  });
}

/** The call's boolean result is never acted upon in `body`. */
export function resultIgnored(call: AstNode, body: AstNode, program: Program): boolean {
  const parents = parentMap(body);
  const { top, negated, constantOther } = climbCondition(call, parents);
  if (constantOther) return true;
  const parent = parents.get(top);
  if (parent === undefined) return true;
  if (parent.nodeType === "ExpressionStatement") return true;
  if (parent.nodeType === "IfStatement" && field(parent, "condition") === top) {
    // With `if (!ok) {…}` the failure side is the true branch; with `if (ok) {…} else {…}` it is the
    // else branch, and a missing else is fine: the effects then happen only on success.
    if (!negated) return false;
    return !statementsOf(field(parent, "trueBody")).some((s) => hasEffect(s, body, program));
  }
  const variable = storedIn(call, parents);
  if (variable !== undefined) return !readAfter(variable, parent, body);
  if (parent.nodeType === "VariableDeclarationStatement" || parent.nodeType === "Assignment") return true;
  return false;
}

/** Does the function revert when the call fails: `transfer`, or a result tested by require/assert or by `if (!ok) revert();`? */
export function failureReverts(call: AstNode, kind: string, body: AstNode, program: Program): boolean {
  if (kind === "transfer") return true;
  const parents = parentMap(body);
  const { top, negated } = climbCondition(call, parents);
  const parent = parents.get(top);
  if (parent === undefined) return false;
  const builtin = builtinCallName(parent, program);
  if (builtin === "require" || builtin === "assert") return true;
  if (parent.nodeType === "IfStatement" && field(parent, "condition") === top && negated) {
    return statementsOf(field(parent, "trueBody")).some((s) => isExit(s, program) && s.nodeType !== "Return");
  }
  return false;
}
