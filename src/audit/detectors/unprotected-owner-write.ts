/**
 * unprotected-owner-write — anyone can rewrite who is authorized.
 *
 * Finds: a public or external function with no check on its caller that writes a state variable
 *   other functions use to check their caller (`owner` in `require(msg.sender == owner)` or in an
 *   onlyOwner modifier, `admins` in `require(admins[msg.sender])`): the caller makes themself
 *   the owner, directly or through the internal functions it calls. Left alone: a write to the caller's own entry (`members[msg.sender] = true`,
 *   self-registration), and a one-time initialiser (a condition on a flag the function sets).
 * SWC: SWC-124 (Write to Arbitrary Storage Location: "the contract is responsible for ensuring
 *   that only authorized accounts may write to sensitive storage locations", the owner being its
 *   example). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: restrict the function to the current owner (onlyOwner), or make it internal.
 */
import { type AstNode, descendants, field } from "../analysis/ast.js";
import { accessVariables, callerRestricted } from "../analysis/access.js";
import { isMsgSender, stateReads, stateWrites, stateWritesReaching } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import { type FunctionModel, modifiersOf, type Program } from "../analysis/model.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** A condition of the function (or its modifiers) on a state variable the function (or they) also write. */
function isOneTimeInitialiser(fn: FunctionModel & { body: AstNode }, program: Program): boolean {
  const bodies = [fn.body, ...modifiersOf(fn, program).flatMap((m) => field(m, "body") ?? [])];
  const written = new Set(bodies.flatMap((b) => stateWrites(b, program).map((w) => w.variable.id)));
  return bodies.some((b) => conditions(b, program).some((c) => [...stateReads(c, program)].some((id) => written.has(id))));
}

/** `m[msg.sender]`, `m[msg.sender][x]`, `m[x][msg.sender]`: an entry of the caller's own. */
function keyedByCaller(target: AstNode, program: Program): boolean {
  for (let node: AstNode | undefined = target; node?.nodeType === "IndexAccess" || node?.nodeType === "MemberAccess"; ) {
    const index = node.nodeType === "IndexAccess" ? field(node, "indexExpression") : undefined;
    if (index !== undefined && descendants(index).some((n) => isMsgSender(n, program))) return true;
    node = field(node, node.nodeType === "IndexAccess" ? "baseExpression" : "expression");
  }
  return false;
}

export const unprotectedOwnerWrite: Detector = {
  info: {
    id: "unprotected-owner-write",
    title: "Unprotected write to an authorization variable",
    swc: "SWC-124",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description:
      "A function any account can call changes a variable the contract uses to decide who is authorized (its owner, its admins): a stranger can make themself the owner.",
    recommendation: "Restrict the function to the current owner (an onlyOwner modifier), or make it internal.",
  },
  detect(program) {
    const guarded = accessVariables(program);
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable || callerRestricted(fn, program)) continue;
      const writes = stateWritesReaching(fn.body, program).filter((w) => guarded.has(w.variable.id) && !keyedByCaller(w.target, program));
      if (writes.length === 0 || isOneTimeInitialiser(fn, program)) continue;
      for (const write of writes) {
        hits.push({
          contract: fn.contract,
          function: fn,
          node: write.node,
          message: `${fn.signature} lets any caller change ${String(write.variable.name)}, which guards other functions`,
        });
      }
    }
    return hits;
  },
};
