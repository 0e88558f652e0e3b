/**
 * Local data flow inside one function body: the local variables whose value comes from an
 * expression that satisfies a predicate (block.timestamp, a block value), followed through
 * assignments in source order. Coarse on purpose: a detector asks "does this expression depend on
 * the source", not "on which path".
 */
import { type AstNode, descendants, field, list, referencedDeclaration, text } from "./ast.js";

/** Does `node` contain a source, or a local variable tainted by one? */
export function dependsOn(node: AstNode, isSource: (n: AstNode) => boolean, tainted: ReadonlySet<number>): boolean {
  return descendants(node).some((n) => {
    if (isSource(n)) return true;
    const id = n.nodeType === "Identifier" ? referencedDeclaration(n) : undefined;
    return id !== undefined && tainted.has(id);
  });
}

/** Local variables (declaration ids) that hold a value depending on a source, in `body`. */
export function taintedLocals(body: AstNode, isSource: (n: AstNode) => boolean): Set<number> {
  const tainted = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of descendants(body)) {
      const targets: { id: number | undefined; value: AstNode | undefined }[] = [];
      if (node.nodeType === "VariableDeclarationStatement") {
        const value = field(node, "initialValue");
        for (const declaration of list(node, "declarations")) targets.push({ id: declaration.id, value });
      } else if (node.nodeType === "Assignment") {
        const left = field(node, "leftHandSide");
        if (left?.nodeType === "Identifier") targets.push({ id: referencedDeclaration(left), value: field(node, "rightHandSide") });
      }
      for (const { id, value } of targets) {
        if (id === undefined || value === undefined || tainted.has(id)) continue;
        if (dependsOn(value, isSource, tainted)) {
          tainted.add(id);
          changed = true;
        }
      }
    }
  }
  return tainted;
}

export const ARITHMETIC = new Set(["+", "-", "*", "/", "%", "**"]);
export const COMPARISON = new Set(["==", "!=", "<", "<=", ">", ">="]);

export function isComparison(node: AstNode): boolean {
  return node.nodeType === "BinaryOperation" && COMPARISON.has(text(node, "operator") ?? "");
}
