/**
 * solc's compact JSON AST (Solidity docs, "Compiler Input and Output JSON Description", `ast`),
 * which every installed compiler emits through standard JSON (0.4.12 and later): nodes carry
 * `nodeType`, `id` and `src` ("start:length:sourceIndex", byte offsets). Fields differ a little
 * between versions (0.4's `isConstructor` vs 0.5's `kind`); the readers below accept both.
 */

export interface AstNode {
  readonly nodeType: string;
  readonly id: number;
  readonly src: string;
  readonly [field: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as { nodeType?: unknown }).nodeType === "string";
}

/** The nodes directly below `node`, in source order. */
export function children(node: AstNode): AstNode[] {
  const found: AstNode[] = [];
  for (const value of Object.values(node)) {
    if (isNode(value)) found.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) found.push(item);
  }
  return found.sort((a, b) => srcStart(a) - srcStart(b));
}

/** Subtrees already listed: detectors walk the same functions many times, and the AST never changes. */
const listed = new WeakMap<AstNode, readonly AstNode[]>();

/** Every node of the subtree rooted at `node` (itself included), depth first in source order. */
export function descendants(node: AstNode): readonly AstNode[] {
  const cached = listed.get(node);
  if (cached !== undefined) return cached;
  const out: AstNode[] = [];
  const stack = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    out.push(current);
    const below = children(current);
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i] as AstNode);
  }
  listed.set(node, out);
  return out;
}

/** Nodes of the subtree with the given node type. */
export function findAll(node: AstNode, nodeType: string): AstNode[] {
  return descendants(node).filter((n) => n.nodeType === nodeType);
}

export function srcStart(node: AstNode): number {
  return Number(node.src.split(":")[0]);
}

export function srcLength(node: AstNode): number {
  return Number(node.src.split(":")[1]);
}

export function srcEnd(node: AstNode): number {
  return srcStart(node) + srcLength(node);
}

/** `inner`'s source range lies inside `outer`'s. */
export function contains(outer: AstNode, inner: AstNode): boolean {
  return srcStart(inner) >= srcStart(outer) && srcEnd(inner) <= srcEnd(outer);
}

export function field(node: AstNode, name: string): AstNode | undefined {
  const value = node[name];
  return isNode(value) ? value : undefined;
}

export function list(node: AstNode, name: string): AstNode[] {
  const value = node[name];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function text(node: AstNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === "string" ? value : undefined;
}

/** The type solc gave an expression, e.g. `uint256`, `address payable`, `contract Bank`. */
export function typeString(node: AstNode): string {
  const described = node.typeDescriptions as { typeString?: unknown } | undefined;
  return typeof described?.typeString === "string" ? described.typeString : "";
}

/** The declaration an identifier or member access refers to, if solc resolved one. */
export function referencedDeclaration(node: AstNode): number | undefined {
  const id = node.referencedDeclaration;
  return typeof id === "number" && id >= 0 ? id : undefined;
}
