/**
 * Whether the callee of a call is someone an attacker can be: the caller, an address passed as an
 * argument (to the function or to the internal function making the call), or one read from state that some function without a caller check lets anyone set. An
 * address fixed in the constructor or set only by the owner is the owner's choice, not an
 * attacker's.
 */
import type { AstNode } from "./ast.js";
import { callerRestricted } from "./access.js";
import { isMsgSender, isParameter, isTxOrigin, stateVariableOf, stateWritesReaching } from "./expressions.js";
import type { FunctionModel, Program } from "./model.js";
import { dependsOn, taintedLocals } from "./taint.js";

const openlyWrittenByProgram = new WeakMap<Program, ReadonlySet<number>>();

/** State variables some public function without a caller check writes (directly or through internal calls). */
export function openlyWritten(program: Program): ReadonlySet<number> {
  const cached = openlyWrittenByProgram.get(program);
  if (cached !== undefined) return cached;
  const written = new Set<number>();
  for (const contract of program.contracts) {
    for (const fn of contract.functions) {
      if (fn.body === undefined || !fn.callable || callerRestricted(fn as FunctionModel & { body: AstNode }, program)) continue;
      for (const write of stateWritesReaching(fn.body, program)) written.add(write.variable.id);
    }
  }
  openlyWrittenByProgram.set(program, written);
  return written;
}

/** Can an attacker be the account `target` names, in `fn`? */
export function untrustedTarget(target: AstNode, fn: FunctionModel & { body: AstNode }, program: Program): boolean {
  const open = openlyWritten(program);
  const isSource = (n: AstNode) => {
    if (isMsgSender(n, program) || isTxOrigin(n, program) || isParameter(n, program)) return true;
    const variable = stateVariableOf(n, program);
    return variable !== undefined && open.has(variable.id);
  };
  return dependsOn(target, isSource, taintedLocals(fn.body, isSource));
}
