/**
 * front-run-solution — a reward for an answer that the answer's own transaction reveals.
 *
 * Finds: a public function that pays its caller after checking an argument against stored state
 *   (`require(hash == keccak256(solution))`, `if (guess == answer)`) where the check does not
 *   involve the caller: whoever copies the answer from the pending transaction and pays more gas
 *   is paid instead.
 * SWC: SWC-114 (Transaction Order Dependence). Category: front_running.
 * Severity: medium. Confidence: medium.
 * Recommendation: commit-reveal: first commit keccak256(answer, sender, salt), reveal later.
 */
import { type AstNode, descendants, field, srcStart } from "../analysis/ast.js";
import { callSites, isMsgSender } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import type { FunctionModel, Program } from "../analysis/model.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

function parameterIds(fn: FunctionModel): Set<number> {
  return new Set(descendants(field(fn.node, "parameters") ?? fn.node).map((n) => n.id));
}

/** A state variable or constant (`bytes32 constant hash = …`): the stored answer. */
function isStored(node: AstNode, program: Program): boolean {
  if (node.nodeType !== "Identifier") return false;
  const declaration = program.declarations.get(Number(node.referencedDeclaration));
  return declaration?.nodeType === "VariableDeclaration" && declaration.stateVariable === true;
}

/** An equality of an argument-derived side with a state-derived side, not involving the caller. */
function checksAnswer(condition: AstNode, parameters: Set<number>, program: Program): boolean {
  if (descendants(condition).some((n) => isMsgSender(n, program))) return false;
  return descendants(condition).some((n) => {
    if (n.nodeType !== "BinaryOperation" || n.operator !== "==") return false;
    const sides = [field(n, "leftExpression"), field(n, "rightExpression")];
    const fromArgument = (side: AstNode | undefined) =>
      side !== undefined && descendants(side).some((x) => x.nodeType === "Identifier" && parameters.has(Number(x.referencedDeclaration)));
    const fromState = (side: AstNode | undefined) => side !== undefined && descendants(side).some((x) => isStored(x, program));
    return (fromArgument(sides[0]) && fromState(sides[1])) || (fromArgument(sides[1]) && fromState(sides[0]));
  });
}

export const frontRunSolution: Detector = {
  info: {
    id: "front-run-solution",
    title: "Reward for an answer visible in the mempool",
    swc: "SWC-114",
    category: "front_running",
    severity: "medium",
    confidence: "medium",
    description:
      "The function pays whoever submits the right answer; the answer travels in the pending transaction, so anyone watching can submit it first with a higher gas price.",
    recommendation: "Use commit-reveal: commit a hash of (answer, sender, salt) first, reveal in a later block.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable) continue;
      const parameters = parameterIds(fn);
      if (parameters.size === 0) continue;
      const checks = conditions(fn.body, program).filter((c) => checksAnswer(c, parameters, program));
      for (const call of callSites(fn.body)) {
        if (call.value === undefined || !["transfer", "send", "call"].includes(call.kind) || !isMsgSender(call.target, program)) continue;
        if (!checks.some((c) => srcStart(c) < srcStart(call.node))) continue;
        hits.push({ contract: fn.contract, function: fn, node: call.node, message: `${fn.signature} pays whoever submits the answer first` });
      }
    }
    return hits;
  },
};
