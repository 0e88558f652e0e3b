/**
 * erc20-approve-race — ERC-20 `approve` overwrites an allowance the spender may be spending.
 *
 * Finds: an `approve(address,uint256)` that sets the allowance to the new value without requiring
 *   the current one to be zero: a spender who sees the change pending can spend the old allowance
 *   first and the new one after (EIP-20 notes the attack).
 * SWC: SWC-114 (Transaction Order Dependence). Category: front_running.
 * Severity: low. Confidence: low.
 * Recommendation: require the allowance to be 0 before setting a non-zero one, or offer
 *   increaseAllowance/decreaseAllowance.
 */
import { type AstNode, descendants, srcStart } from "../analysis/ast.js";
import { stateWrites } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const erc20ApproveRace: Detector = {
  info: {
    id: "erc20-approve-race",
    title: "ERC-20 approve race",
    swc: "SWC-114",
    category: "front_running",
    severity: "low",
    confidence: "low",
    description:
      "Changing an allowance from N to M with approve lets the spender, seeing the change pending, spend N before it lands and M after.",
    recommendation: "Require the current allowance to be 0 before setting a new one, or provide increaseAllowance/decreaseAllowance.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (fn.signature !== "approve(address,uint256)" || !fn.callable) continue;
      const writes = stateWrites(fn.body, program).filter((w) => w.target.nodeType === "IndexAccess");
      const guards = conditions(fn.body, program);
      for (const write of writes) {
        const root = String(write.variable.name);
        const checked = guards.some(
          (g) => srcStart(g) < srcStart(write.node) && descendants(g).some((n: AstNode) => n.nodeType === "Identifier" && n.name === root),
        );
        if (checked) continue;
        hits.push({ contract: fn.contract, function: fn, node: write.node, message: `${fn.signature} overwrites the allowance in ${root}` });
      }
    }
    return hits;
  },
};
