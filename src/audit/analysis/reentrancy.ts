/**
 * The read–call–write shape of re-entrancy (SWC-107): a function reads a state variable, makes an
 * external call, and writes the variable after the call, so a callee that re-enters sees the old
 * value. A function guarded by a mutex modifier (one that writes the same state variable before
 * and after `_`, as OpenZeppelin's ReentrancyGuard does) is not re-enterable. A call in a
 * modifier before `_` precedes the whole function body (SWC-107's modifier re-entrancy).
 */
import { type AstNode, descendants, field, srcEnd, srcStart, text } from "./ast.js";
import { type CallSite, callSite, internalCalleeBody, stateReads, stateWrites, type StateWrite } from "./expressions.js";
import { canFollow, conditions } from "./flow.js";
import { overlaps, pathOf, readPaths, type StatePath } from "./paths.js";
import { type FunctionModel, modifiersOf, type Program } from "./model.js";

export interface StaleWrite {
  /** The call that leaves the contract (possibly inside an internal function `at` calls). */
  readonly call: CallSite;
  /** Where, in the function analysed, control leaves: the call itself or the internal call reaching it. */
  readonly at: AstNode;
  readonly write: StateWrite;
}

/** How deep internal calls are followed looking for an external call. */
const INTERNAL_DEPTH = 3;

/**
 * The calls that leave the contract during `body`: its own, and those of the internal functions it
 * calls (followed a few levels), each paired with the node in `body` where control leaves.
 */
export function reachingCalls(body: AstNode, program: Program, depth = INTERNAL_DEPTH): { at: AstNode; site: CallSite }[] {
  const found: { at: AstNode; site: CallSite }[] = [];
  for (const node of descendants(body)) {
    if (node.nodeType !== "FunctionCall") continue;
    const site = callSite(node);
    if (site !== undefined) {
      found.push({ at: node, site });
      continue;
    }
    const calleeBody = internalCalleeBody(node, program);
    if (calleeBody === undefined || depth === 0) continue;
    for (const inner of reachingCalls(calleeBody, program, depth - 1)) found.push({ at: node, site: inner.site });
  }
  return found;
}

/**
 * A modifier that writes a state variable before its placeholder `_` and writes or checks it
 * after: a lock released after the body, or OpenZeppelin 2.x's counter (`_guardCounter += 1; …
 * _; require(localCounter == _guardCounter)`).
 */
function isMutex(modifier: AstNode, program: Program): boolean {
  const body = field(modifier, "body");
  if (body === undefined) return false;
  const placeholder = descendants(body).find((n) => n.nodeType === "PlaceholderStatement");
  if (placeholder === undefined) return false;
  const writes = stateWrites(body, program);
  const before = new Set(writes.filter((w) => srcEnd(w.node) <= srcStart(placeholder)).map((w) => w.variable.id));
  const writtenAfter = writes.some((w) => srcStart(w.node) >= srcEnd(placeholder) && before.has(w.variable.id));
  const checkedAfter = conditions(body, program).some(
    (c) => srcStart(c) >= srcEnd(placeholder) && [...stateReads(c, program)].some((id) => before.has(id)),
  );
  return writtenAfter || checkedAfter;
}

/** State paths the function reads before the end of `call` (in its modifiers too). */
function readUpTo(call: AstNode, fn: FunctionModel & { body: AstNode }, modifiers: AstNode[], program: Program): StatePath[] {
  const assigned = new Set(
    descendants(fn.body).flatMap((n) => (n.nodeType === "Assignment" && text(n, "operator") === "=" ? (field(n, "leftHandSide") ?? []) : [])),
  );
  const inBody = readPaths(fn.body, program).filter(({ node }) => srcStart(node) < srcEnd(call) && !assigned.has(node));
  return [...inBody.map((r) => r.path), ...modifiers.flatMap((m) => readPaths(m, program).map((r) => r.path))];
}

/** Does a write touch storage some read path covers? */
function writesRead(write: StateWrite, read: readonly StatePath[], program: Program): boolean {
  const written = pathOf(write.target, program) ?? { variable: write.variable.id, members: [] };
  return read.some((path) => overlaps(path, written));
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
  for (const { at, site } of reachingCalls(fn.body, program).filter((c) => selects(c.site))) {
    if (found.some((f) => f.at === at)) continue;
    const read = readUpTo(at, fn, modifiers, program);
    const write = writes.find((w) => writesRead(w, read, program) && w.node !== at && canFollow(at, w.node, fn.body, program));
    if (write !== undefined) found.push({ call: site, at, write });
  }
  for (const modifier of modifiers) {
    const body = field(modifier, "body");
    const placeholder = body === undefined ? undefined : descendants(body).find((n) => n.nodeType === "PlaceholderStatement");
    if (body === undefined || placeholder === undefined) continue;
    // A modifier's code before `_` runs before the whole body: a call there precedes every write in it.
    const read = modifiers.flatMap((m) => readPaths(m, program).map((r) => r.path));
    for (const { at, site } of reachingCalls(body, program)) {
      if (srcStart(at) >= srcStart(placeholder) || !selects(site) || found.some((f) => f.at === at)) continue;
      const write = writes.find((w) => writesRead(w, read, program));
      if (write !== undefined) found.push({ call: site, at, write });
    }
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


