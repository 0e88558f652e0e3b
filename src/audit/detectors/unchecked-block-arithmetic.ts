/**
 * unchecked-block-arithmetic — arithmetic inside Solidity 0.8's `unchecked { }` that can wrap.
 *
 * Finds: the operations integer-overflow.ts finds before 0.8, with the same guards and the same
 *   "cannot wrap in practice" rules, but only inside an `unchecked` block of solc ≥ 0.8.0 and only
 *   in functions that write state. Pure and view helpers are left alone: `unchecked` there is the
 *   author's stated decision in arithmetic whose result is returned, not kept (mulDiv, log2,
 *   toString), and it is the caller's use of the result that matters.
 * SWC: SWC-101 (Integer Overflow and Underflow). Category: arithmetic.
 * Severity: low. Confidence: low — the block says the author reasoned the wrap away; the finding
 *   asks a reader to check that reasoning (the prover and the campaign may still confirm a wrap).
 * Recommendation: keep `unchecked` to arithmetic whose bounds the code itself establishes (a
 *   require or an invariant stated next to it), or drop the block.
 */
import { unguardedArithmetic } from "./integer-overflow.js";
import type { Detector } from "./detector.js";

export const uncheckedBlockArithmetic: Detector = {
  info: {
    id: "unchecked-block-arithmetic",
    title: "Arithmetic in an unchecked block can wrap",
    swc: "SWC-101",
    category: "arithmetic",
    severity: "low",
    confidence: "low",
    description:
      "Solidity 0.8 reverts on overflow except inside `unchecked { }`, where arithmetic wraps around silently as before 0.8; nothing next to this operation bounds its operands.",
    recommendation:
      "Keep unchecked blocks to arithmetic whose bounds the code establishes (a require or a stated invariant beside it), or remove the block so that solc checks it.",
  },
  detect(program) {
    return unguardedArithmetic(program, "unchecked-block", (fn) => fn.mutability !== "view" && fn.mutability !== "pure");
  },
};
