/**
 * bytecode-block-values — the timestamp or block number decides a branch or an amount of ether.
 *
 * Finds: a JUMPI whose condition derives from TIMESTAMP or NUMBER (not the compiler's own
 *   overflow checks, which branch to a Panic revert or INVALID), or a CALL whose ether value derives
 *   from them, outside library code (SafeMath compares, Address.sendValue pays, what the caller passes).
 *   Values are followed on the stack and in constant-offset memory words, not through the pool of
 *   memory at computed offsets (every ABI encoding writes there).
 * SWC: SWC-116 (Block values as a proxy for time). Category: time_manipulation.
 * Severity: low. Confidence: low.
 * Recommendation: tolerate a validator shifting the timestamp by seconds; never use it for randomness.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { compilerCheck, sitesOf } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

const TIME = Taint.TIMESTAMP | Taint.NUMBER;

export const bytecodeBlockValues: BytecodeDetector = {
  info: {
    id: "bytecode-block-values",
    title: "Timestamp or block number in control flow (bytecode)",
    swc: "SWC-116",
    category: "time_manipulation",
    severity: "low",
    confidence: "low",
    description: "The runtime code branches on, or pays an amount derived from, the block's timestamp or number, which its producer can shift.",
    recommendation: "Tolerate a validator shifting the timestamp by seconds; never use block values for randomness.",
  },
  twins: ["SWC-116", "SWC-120"],
  detect(code) {
    const { analysis, reachedFrom } = code;
    const branches = sitesOf(analysis, 0x57).filter((site) => {
      const taint = site.operands[1]?.taint ?? 0;
      return (taint & TIME) !== 0 && !compilerCheck(analysis, site) && !code.inLibrary(site.pc);
    });
    const payments = sitesOf(analysis, 0xf1).filter((site) => ((site.operands[2]?.taint ?? 0) & TIME) !== 0 && !code.inLibrary(site.pc));
    return [
      ...branches.map((site) => ({ pc: site.pc, message: `JUMPI (pc ${site.pc}) in ${reachedFrom(site)} branches on the block's timestamp or number` })),
      ...payments.map((site) => ({ pc: site.pc, message: `CALL (pc ${site.pc}) in ${reachedFrom(site)} sends an amount derived from the block's timestamp or number` })),
    ];
  },
};
