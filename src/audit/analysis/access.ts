/**
 * Whether a function is restricted to certain callers: a condition on `msg.sender` in its body
 * before the point of interest, or in one of its modifiers (onlyOwner and its kind).
 */
import { type AstNode, contains, descendants, field, srcStart } from "./ast.js";
import { isMsgSender, isTxOrigin } from "./expressions.js";
import { conditions } from "./flow.js";
import type { FunctionModel, Program } from "./model.js";
import { modifiersOf } from "./reentrancy.js";

/** A condition that compares the caller with something or looks it up (`msg.sender == owner`, `admins[msg.sender]`). */
function checksCaller(condition: AstNode, program: Program): boolean {
  return descendants(condition).some((n) => isMsgSender(n, program) || isTxOrigin(n, program));
}

/** Is `fn` guarded by a check on the caller (before `point`, when given)? */
export function callerRestricted(fn: FunctionModel & { body: AstNode }, program: Program, point?: AstNode): boolean {
  for (const modifier of modifiersOf(fn, program)) {
    const body = field(modifier, "body");
    if (body !== undefined && conditions(body, program).some((c) => checksCaller(c, program))) return true;
  }
  return conditions(fn.body, program).some(
    (c) => checksCaller(c, program) && (point === undefined || srcStart(c) < srcStart(point) || contains(c, point)),
  );
}
