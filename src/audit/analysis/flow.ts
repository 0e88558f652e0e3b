/**
 * The structure inside one function body that detectors reason about: which statement a node
 * belongs to, which expressions decide control flow (conditions of if/while/for, ternaries,
 * require/assert), and whether a statement can run after another.
 */
import { type AstNode, children, contains, descendants, field, list, srcEnd, srcStart, text } from "./ast.js";
import { builtinCallName } from "./expressions.js";
import type { Program } from "./model.js";

const SIMPLE_STATEMENTS = new Set([
  "ExpressionStatement",
  "VariableDeclarationStatement",
  "Return",
  "EmitStatement",
  "Throw",
  "RevertStatement",
  "VariableDeclaration",
]);

const parentMaps = new WeakMap<AstNode, ReadonlyMap<AstNode, AstNode>>();

/** Child → parent, for every node below `root` (built once per root). */
export function parentMap(root: AstNode): ReadonlyMap<AstNode, AstNode> {
  const cached = parentMaps.get(root);
  if (cached !== undefined) return cached;
  const parents = new Map<AstNode, AstNode>();
  for (const node of descendants(root)) for (const child of children(node)) parents.set(child, node);
  parentMaps.set(root, parents);
  return parents;
}

/**
 * The code a finding on `node` points at: its innermost simple statement (an expression statement,
 * a declaration, a return, an emit), or, inside an `if`/`while`/`for` head, the condition.
 */
export function statementOf(node: AstNode, parents: ReadonlyMap<AstNode, AstNode>): AstNode {
  let current = node;
  for (let parent = parents.get(current); parent !== undefined; current = parent, parent = parents.get(current)) {
    if (SIMPLE_STATEMENTS.has(current.nodeType) && current.nodeType !== "VariableDeclaration") return current;
    if (["IfStatement", "WhileStatement", "DoWhileStatement", "ForStatement", "Conditional"].includes(parent.nodeType)) {
      if (field(parent, "condition") === current) return current;
    }
    if (current.nodeType === "VariableDeclaration" && parent.nodeType === "ContractDefinition") return current;
  }
  return SIMPLE_STATEMENTS.has(current.nodeType) ? current : node;
}

/** The expressions that decide control flow in `root`: branch and loop conditions and require/assert arguments. */
export function conditions(root: AstNode, program: Program): AstNode[] {
  const found: AstNode[] = [];
  for (const node of descendants(root)) {
    if (["IfStatement", "WhileStatement", "DoWhileStatement", "ForStatement", "Conditional"].includes(node.nodeType)) {
      const condition = field(node, "condition");
      if (condition !== undefined) found.push(condition);
    }
    const builtin = builtinCallName(node, program);
    if (builtin === "require" || builtin === "assert") {
      const first = list(node, "arguments")[0];
      if (first !== undefined) found.push(first);
    }
  }
  return found;
}

/** A statement that ends the path it is on: return, throw, revert(…), `revert Error(…)` (0.8.4). */
export function isExit(statement: AstNode, program: Program): boolean {
  if (["Return", "Throw", "RevertStatement"].includes(statement.nodeType)) return true;
  if (statement.nodeType !== "ExpressionStatement") return false;
  const expression = field(statement, "expression");
  return expression !== undefined && builtinCallName(expression, program) === "revert";
}

/** Statements of a block-or-statement body (a bare statement counts as a block of one). */
export function statementsOf(body: AstNode | undefined): AstNode[] {
  if (body === undefined) return [];
  return body.nodeType === "Block" || body.nodeType === "UncheckedBlock" ? list(body, "statements") : [body];
}

/** The loops of `root` that contain `node`. */
export function enclosingLoops(node: AstNode, root: AstNode): AstNode[] {
  return descendants(root).filter(
    (n) => ["ForStatement", "WhileStatement", "DoWhileStatement"].includes(n.nodeType) && contains(n, node),
  );
}

/**
 * Can `later` run after `earlier` in one execution of `root`? Later in the source and not cut off
 * by an exit that follows `earlier` in a block `later` is outside of; or anywhere in a loop body
 * that holds both.
 */
export function canFollow(earlier: AstNode, later: AstNode, root: AstNode, program: Program): boolean {
  const sharedLoop = enclosingLoops(earlier, root).some((loop) => contains(loop, later));
  if (srcStart(later) < srcEnd(earlier) && !sharedLoop) return false;
  for (const block of descendants(root)) {
    if (block.nodeType !== "Block" && block.nodeType !== "UncheckedBlock") continue;
    if (!contains(block, earlier) || contains(block, later)) continue;
    const exits = list(block, "statements").some((s) => srcStart(s) >= srcEnd(earlier) && isExit(s, program));
    if (exits) return false;
  }
  return true;
}

/** The text of an operator (`+`, `-=`, …) of a BinaryOperation, Assignment or UnaryOperation. */
export function operatorOf(node: AstNode): string {
  return text(node, "operator") ?? "";
}
