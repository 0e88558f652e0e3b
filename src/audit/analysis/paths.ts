/**
 * Field-sensitive state locations: `proposals[n].executed` and `proposals[n].passed` are the
 * same variable but different fields, and a re-entrant call that finds `executed` already set is
 * stopped whatever happens to `passed`. A location is the state variable and the struct members
 * named on the way to it (indexes are not told apart); two locations overlap when one path is a
 * prefix of the other.
 */
import { type AstNode, descendants, field, text } from "./ast.js";
import { stateVariableOf } from "./expressions.js";
import { parentMap } from "./flow.js";
import type { Program } from "./model.js";

export interface StatePath {
  readonly variable: number;
  readonly members: readonly string[];
}

/** The path of an access expression (`a`, `a[i].b`, `acc.balance` for `var acc = a[msg.sender]`), read downward. */
export function pathOf(expression: AstNode, program: Program, depth = 4): StatePath | undefined {
  const members: string[] = [];
  let node: AstNode | undefined = expression;
  while (node?.nodeType === "MemberAccess" || node?.nodeType === "IndexAccess") {
    if (node.nodeType === "MemberAccess") members.unshift(text(node, "memberName") ?? "");
    node = field(node, node.nodeType === "MemberAccess" ? "expression" : "baseExpression");
  }
  if (node?.nodeType !== "Identifier") return undefined;
  const aliased = program.storageAliases.get(Number(node.referencedDeclaration));
  if (aliased !== undefined && depth > 0) {
    const base = pathOf(aliased, program, depth - 1);
    return base === undefined ? undefined : { variable: base.variable, members: [...base.members, ...members] };
  }
  const variable = stateVariableOf(node, program);
  return variable === undefined ? undefined : { variable: variable.id, members };
}

/** Do two paths name overlapping storage (the same variable, one member chain a prefix of the other)? */
export function overlaps(a: StatePath, b: StatePath): boolean {
  if (a.variable !== b.variable) return false;
  const shared = Math.min(a.members.length, b.members.length);
  return a.members.slice(0, shared).every((m, i) => m === b.members[i]);
}

/**
 * The state paths read in `root` (whole access chains: `p.executed`, not `p`), with the node of
 * each read. Taking a storage reference (`Proposal storage p = proposals[n]`) reads nothing.
 */
export function readPaths(root: AstNode, program: Program): { node: AstNode; path: StatePath }[] {
  const parents = parentMap(root);
  const references = new Set(program.storageAliases.values());
  const found: { node: AstNode; path: StatePath }[] = [];
  for (const node of descendants(root)) {
    if (node.nodeType !== "Identifier" || stateVariableOf(node, program) === undefined) continue;
    let top = node;
    for (let parent = parents.get(top); parent !== undefined; parent = parents.get(top)) {
      const extends_ =
        (parent.nodeType === "MemberAccess" && field(parent, "expression") === top) ||
        (parent.nodeType === "IndexAccess" && field(parent, "baseExpression") === top);
      if (!extends_) break;
      top = parent;
    }
    const path = references.has(top) ? undefined : pathOf(top, program);
    if (path !== undefined) found.push({ node: top, path });
  }
  return found;
}
