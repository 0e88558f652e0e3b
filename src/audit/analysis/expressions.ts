/**
 * Reading Solidity expressions off the AST: the globals detectors care about (block.timestamp,
 * tx.origin, msg.sender), the kinds of call (Solidity docs, "Members of Address Types"), and which
 * state variables an expression reads or a statement writes.
 */
import { type AstNode, descendants, field, list, referencedDeclaration, text, typeString } from "./ast.js";
import type { Program } from "./model.js";

function isGlobal(node: AstNode, program: Program, name: string): boolean {
  if (node.nodeType !== "Identifier" || text(node, "name") !== name) return false;
  const declared = referencedDeclaration(node);
  return declared === undefined || !program.declarations.has(declared);
}

/** `base.member` where `base` is the global `base` (block, tx, msg). */
function isMagicMember(node: AstNode, program: Program, base: string, member: string): boolean {
  if (node.nodeType !== "MemberAccess" || text(node, "memberName") !== member) return false;
  const object = field(node, "expression");
  return object !== undefined && isGlobal(object, program, base);
}

/** `block.timestamp` or its alias `now` (removed in 0.7). */
export function isTimestamp(node: AstNode, program: Program): boolean {
  return isMagicMember(node, program, "block", "timestamp") || isGlobal(node, program, "now");
}

export function isTxOrigin(node: AstNode, program: Program): boolean {
  return isMagicMember(node, program, "tx", "origin");
}

export function isMsgSender(node: AstNode, program: Program): boolean {
  return isMagicMember(node, program, "msg", "sender");
}

export function isMsgValue(node: AstNode, program: Program): boolean {
  return isMagicMember(node, program, "msg", "value");
}

/** Values a miner can choose or predict: SWC-120's sources of pseudo-randomness. */
export function isBlockValue(node: AstNode, program: Program): boolean {
  if (isTimestamp(node, program)) return true;
  if (["number", "difficulty", "prevrandao", "coinbase", "gaslimit"].some((m) => isMagicMember(node, program, "block", m))) {
    return true;
  }
  if (node.nodeType !== "FunctionCall") return false;
  const callee = field(node, "expression");
  return callee !== undefined && (isGlobal(callee, program, "blockhash") || isMagicMember(callee, program, "block", "blockhash"));
}

/**
 * The state variable an identifier refers to: directly, or through a local storage reference
 * initialised from it (`var acc = accounts[msg.sender]` stands for `accounts`).
 */
export function stateVariableOf(node: AstNode, program: Program, depth = 4): AstNode | undefined {
  if (node.nodeType !== "Identifier") return undefined;
  const declared = referencedDeclaration(node);
  const declaration = declared === undefined ? undefined : program.declarations.get(declared);
  if (declaration?.nodeType === "VariableDeclaration" && declaration.stateVariable === true && declaration.constant !== true) {
    return declaration;
  }
  // A local storage reference stands for the state it was initialised from.
  const aliased = declared === undefined ? undefined : program.storageAliases.get(declared);
  return aliased === undefined || depth === 0 ? undefined : stateVariableOf(rootOf(aliased), program, depth - 1);
}

/** The variable at the root of an lvalue: `a` of `a`, `a[i]`, `a.b[i].c`. */
export function rootOf(node: AstNode): AstNode {
  let current = node;
  for (;;) {
    const inner =
      current.nodeType === "IndexAccess"
        ? field(current, "baseExpression")
        : current.nodeType === "MemberAccess"
          ? field(current, "expression")
          : undefined;
    if (inner === undefined) return current;
    current = inner;
  }
}

/** State variables read anywhere in the subtree. */
export function stateReads(node: AstNode, program: Program): Set<number> {
  const read = new Set<number>();
  for (const n of descendants(node)) {
    const variable = stateVariableOf(n, program);
    if (variable !== undefined) read.add(variable.id);
  }
  return read;
}

export interface StateWrite {
  /** The assignment, `++`/`--`, `delete` or `push`/`pop` call. */
  readonly node: AstNode;
  readonly variable: AstNode;
  /** The lvalue written, e.g. `balances[msg.sender]`. */
  readonly target: AstNode;
}

/** Writes to state variables in the subtree, in source order. */
export function stateWrites(node: AstNode, program: Program): StateWrite[] {
  const writes: StateWrite[] = [];
  for (const n of descendants(node)) {
    let target: AstNode | undefined;
    if (n.nodeType === "Assignment") target = field(n, "leftHandSide");
    else if (n.nodeType === "UnaryOperation" && ["++", "--", "delete"].includes(text(n, "operator") ?? "")) {
      target = field(n, "subExpression");
    } else if (n.nodeType === "FunctionCall") {
      const callee = field(n, "expression");
      if (callee?.nodeType === "MemberAccess" && ["push", "pop"].includes(text(callee, "memberName") ?? "")) {
        target = field(callee, "expression");
      }
    }
    if (target === undefined) continue;
    const targets = target.nodeType === "TupleExpression" ? list(target, "components") : [target];
    for (const t of targets) {
      const variable = stateVariableOf(rootOf(t), program);
      if (variable !== undefined) writes.push({ node: n, variable, target: t });
    }
  }
  return writes;
}

export type CallKind = "call" | "delegatecall" | "callcode" | "staticcall" | "send" | "transfer" | "external";

export interface CallSite {
  readonly node: AstNode;
  readonly kind: CallKind;
  /** The address or contract called (the expression before `.call`, `.transfer`, `.f`). */
  readonly target: AstNode;
  /** The ether sent: `.value(v)`, `{value: v}`, or the argument of send/transfer. */
  readonly value: AstNode | undefined;
  /** An explicit gas limit: `.gas(g)` or `{gas: g}`. */
  readonly gas: AstNode | undefined;
  readonly arguments: readonly AstNode[];
}

const LOW_LEVEL = new Set(["call", "delegatecall", "callcode", "staticcall", "send", "transfer"]);

function isAddressType(node: AstNode): boolean {
  return /^address( payable)?$/.test(typeString(node));
}

/**
 * What a FunctionCall calls, or undefined when it is not a call that leaves the contract (internal
 * functions, type conversions, events, built-ins such as keccak256). `.value(v)`/`.gas(g)` (before
 * 0.7) and `{value: v, gas: g}` (0.6.2 and later) are peeled off the callee.
 */
export function callSite(node: AstNode): CallSite | undefined {
  if (node.nodeType !== "FunctionCall" || text(node, "kind") === "typeConversion") return undefined;
  let callee = field(node, "expression");
  let value: AstNode | undefined;
  let gas: AstNode | undefined;
  for (;;) {
    if (callee === undefined) return undefined;
    if (callee.nodeType === "FunctionCallOptions") {
      const names = Array.isArray(callee.names) ? (callee.names as string[]) : [];
      list(callee, "options").forEach((option, i) => {
        if (names[i] === "value") value = option;
        if (names[i] === "gas") gas = option;
      });
      callee = field(callee, "expression");
      continue;
    }
    if (callee.nodeType === "FunctionCall") {
      const inner = field(callee, "expression");
      const member = inner === undefined ? undefined : text(inner, "memberName");
      if (inner?.nodeType === "MemberAccess" && (member === "value" || member === "gas")) {
        const argument = list(callee, "arguments")[0];
        if (member === "value") value = argument;
        else gas = argument;
        callee = field(inner, "expression");
        continue;
      }
    }
    break;
  }
  if (callee.nodeType !== "MemberAccess") return undefined;
  const member = text(callee, "memberName") ?? "";
  const target = field(callee, "expression");
  if (target === undefined) return undefined;
  const args = list(node, "arguments");
  if (LOW_LEVEL.has(member) && isAddressType(target)) {
    const kind = member as CallKind;
    if (kind === "send" || kind === "transfer") value = args[0];
    return { node, kind, target, value, gas, arguments: args };
  }
  const targetType = typeString(target);
  const isContract = /^(contract|interface) /.test(targetType);
  const calleeType = typeString(callee);
  if (isContract && calleeType.startsWith("function ") && calleeType.includes(" external")) {
    if (target.nodeType === "Identifier" && ["this", "super"].includes(text(target, "name") ?? "")) return undefined;
    return { node, kind: "external", target, value, gas, arguments: args };
  }
  return undefined;
}

/** Every call leaving the contract in the subtree, in source order. */
export function callSites(node: AstNode): CallSite[] {
  return descendants(node).flatMap((n) => {
    const site = callSite(n);
    return site === undefined ? [] : [site];
  });
}

/** A call to `require`, `assert` or `revert` (the built-ins, not user functions of that name). */
export function builtinCallName(node: AstNode, program: Program): string | undefined {
  if (node.nodeType !== "FunctionCall") return undefined;
  const callee = field(node, "expression");
  if (callee === undefined || callee.nodeType !== "Identifier") return undefined;
  const name = text(callee, "name") ?? "";
  if (!["require", "assert", "revert", "selfdestruct", "suicide", "blockhash", "keccak256", "sha3", "sha256"].includes(name)) {
    return undefined;
  }
  const declared = referencedDeclaration(callee);
  return declared === undefined || !program.declarations.has(declared) ? name : undefined;
}

/** A literal or a constant expression (no variables, calls or globals): `1 == 1`, `10 ether`, `10 ** uint(18)`. */
export function isConstantExpression(node: AstNode): boolean {
  return descendants(node).every(
    (n) =>
      ["Literal", "BinaryOperation", "UnaryOperation", "TupleExpression", "ElementaryTypeNameExpression", "ElementaryTypeName"].includes(
        n.nodeType,
      ) || (n.nodeType === "FunctionCall" && n.kind === "typeConversion"),
  );
}

/**
 * `addr.call.value(v)` (or `.gas(g)`) written as a statement without the final `(…)`: before 0.7
 * this only builds a function value, so the call, and the ether, never go out.
 */
export function isUninvokedCall(statement: AstNode): boolean {
  if (statement.nodeType !== "ExpressionStatement") return false;
  const expression = field(statement, "expression");
  if (expression?.nodeType !== "FunctionCall") return false;
  const option = field(expression, "expression");
  if (option?.nodeType !== "MemberAccess" || !["value", "gas"].includes(text(option, "memberName") ?? "")) return false;
  const member = field(option, "expression");
  const target = member === undefined ? undefined : field(member, "expression");
  return (
    member?.nodeType === "MemberAccess" &&
    ["call", "delegatecall", "callcode"].includes(text(member, "memberName") ?? "") &&
    target !== undefined &&
    isAddressType(target)
  );
}

/** The body of the internal function a FunctionCall calls by name, if it is one with a body. */
export function internalCalleeBody(call: AstNode, program: Program): AstNode | undefined {
  if (call.nodeType !== "FunctionCall") return undefined;
  const callee = field(call, "expression");
  const id = callee?.nodeType === "Identifier" ? referencedDeclaration(callee) : undefined;
  const definition = id === undefined ? undefined : program.declarations.get(id);
  return definition?.nodeType === "FunctionDefinition" ? field(definition, "body") : undefined;
}

/**
 * State writes during `node`: its own, and those of the internal functions it calls (a few levels
 * deep), each attributed to the call in `node` that leads to it (`node` of the write is that call).
 */
export function stateWritesReaching(node: AstNode, program: Program, depth = 3): StateWrite[] {
  const writes = stateWrites(node, program);
  if (depth === 0) return writes;
  for (const call of descendants(node)) {
    const body = internalCalleeBody(call, program);
    if (body === undefined) continue;
    for (const inner of stateWritesReaching(body, program, depth - 1)) writes.push({ ...inner, node: call });
  }
  return writes;
}

/** An identifier naming a parameter of a function (any function: an internal callee's too). */
export function isParameter(identifier: AstNode, program: Program): boolean {
  if (identifier.nodeType !== "Identifier") return false;
  const declaration = program.declarations.get(Number(identifier.referencedDeclaration));
  const scope = declaration === undefined ? undefined : program.declarations.get(Number(declaration.scope));
  return declaration?.nodeType === "VariableDeclaration" && declaration.stateVariable !== true && scope?.nodeType === "FunctionDefinition" &&
    descendants(field(scope, "parameters") ?? scope).includes(declaration);
}
