/**
 * The read–call–write shape of re-entrancy (SWC-107): a function reads a state variable, makes an
 * external call, and writes the variable after the call, so a callee that re-enters sees the old
 * value. A function guarded by a mutex modifier (one that writes the same state variable before
 * and after `_`, as OpenZeppelin's ReentrancyGuard does) is not re-enterable.
 */
import { type AstNode, descendants, field, referencedDeclaration, srcEnd, srcStart, text } from "./ast.js";
import { type CallSite, callSites, stateWrites, type StateWrite, stateVariableOf } from "./expressions.js";
import { canFollow } from "./flow.js";
import type { FunctionModel, Program } from "./model.js";

export interface StaleWrite {
  readonly call: CallSite;
  readonly write: StateWrite;
}

/** The modifier definitions a function invokes. */
export function modifiersOf(fn: FunctionModel, program: Program): AstNode[] {
  return fn.modifiers.flatMap((invocation) => {
    const name = field(invocation, "modifierName");
    const id = name === undefined ? undefined : referencedDeclaration(name);
    const definition = id === undefined ? undefined : program.declarations.get(id);
    return definition?.nodeType === "ModifierDefinition" ? [definition] : [];
  });
}

/** A modifier that writes one state variable both before and after its placeholder `_`. */
function isMutex(modifier: AstNode, program: Program): boolean {
  const body = field(modifier, "body");
  if (body === undefined) return false;
  const placeholder = descendants(body).find((n) => n.nodeType === "PlaceholderStatement");
  if (placeholder === undefined) return false;
  const writes = stateWrites(body, program);
  const before = new Set(writes.filter((w) => srcEnd(w.node) <= srcStart(placeholder)).map((w) => w.variable.id));
  return writes.some((w) => srcStart(w.node) >= srcEnd(placeholder) && before.has(w.variable.id));
}

/** State variables the function reads before the end of `call` (in its modifiers too). */
function readUpTo(call: AstNode, fn: FunctionModel & { body: AstNode }, modifiers: AstNode[], program: Program): Set<number> {
  const read = new Set<number>();
  for (const node of descendants(fn.body)) {
    if (srcStart(node) >= srcEnd(call)) continue;
    const variable = stateVariableOf(node, program);
    if (variable !== undefined && !isWriteTarget(node, fn.body)) read.add(variable.id);
  }
  for (const modifier of modifiers) {
    for (const node of descendants(modifier)) {
      const variable = stateVariableOf(node, program);
      if (variable !== undefined) read.add(variable.id);
    }
  }
  return read;
}

/** `x` in `x = …` (a plain assignment, not `x += …`, which reads it). */
function isWriteTarget(identifier: AstNode, body: AstNode): boolean {
  return descendants(body).some(
    (n) => n.nodeType === "Assignment" && text(n, "operator") === "=" && field(n, "leftHandSide") === identifier,
  );
}

/** Calls matching `kinds` followed by a write to a state variable read before them. */
export function staleWrites(
  fn: FunctionModel & { body: AstNode },
  program: Program,
  selects: (call: CallSite) => boolean,
): StaleWrite[] {
  const modifiers = modifiersOf(fn, program);
  if (modifiers.some((m) => isMutex(m, program))) return [];
  const writes = stateWrites(fn.body, program);
  const found: StaleWrite[] = [];
  for (const call of callSites(fn.body).filter(selects)) {
    const read = readUpTo(call.node, fn, modifiers, program);
    const write = writes.find(
      (w) => read.has(w.variable.id) && w.node !== call.node && canFollow(call.node, w.node, fn.body, program),
    );
    if (write !== undefined) found.push({ call, write });
  }
  return found;
}

/** The name a write's target reads as in a message: `balances`, `owner`. */
export function variableName(write: StateWrite): string {
  return text(write.variable, "name") ?? "a state variable";
}

/** Whether the call forwards all remaining gas: no explicit gas limit. */
export function forwardsAllGas(call: CallSite): boolean {
  return call.gas === undefined && call.kind !== "send" && call.kind !== "transfer";
}

/** Whether the call sends ether: a value that is not the literal 0. */
export function sendsValue(call: CallSite): boolean {
  if (call.value === undefined) return false;
  return !(call.value.nodeType === "Literal" && /^0+$/.test(String(call.value.value ?? "")));
}


