/**
 * bytecode-reentrancy — storage written after a call that hands over all gas and ether.
 *
 * Finds: a CALL that may send ether, forwards the remaining gas (its gas operand derives from GAS,
 *   unlike send/transfer's 2300 stipend) to an address that is not a constant, reached on some
 *   path with no check on the caller, followed on some path by an SSTORE, with no lock held (a
 *   storage slot the path checked in a branch and wrote before the call: a reentrancy guard). A
 *   write only on the path where the call failed does not count: the callee's effects were undone.
 * SWC: SWC-107 (Reentrancy). Category: reentrancy.
 * Severity: medium. Confidence: low (the write may not touch state the callee can exploit).
 * Recommendation: checks-effects-interactions: write state before the call, or hold a reentrancy guard.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { sitesOf, mayBeNonZero } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

export const bytecodeReentrancy: BytecodeDetector = {
  info: {
    id: "bytecode-reentrancy",
    title: "Storage written after an ether call with all gas (bytecode)",
    swc: "SWC-107",
    category: "reentrancy",
    severity: "medium",
    confidence: "low",
    description:
      "The runtime code sends ether with all remaining gas, then writes storage on some path: the callee can re-enter before the write.",
    recommendation: "Write state before the call (checks-effects-interactions), or hold a reentrancy guard.",
  },
  twins: ["SWC-107"],
  detect({ analysis, reachedFrom, lineOf }) {
    const writesAfter = new Map<number, Set<number>>();
    for (const store of sitesOf(analysis, 0x55)) {
      if (!store.unlocked) continue;
      for (const call of store.callsBefore) {
        const lines = writesAfter.get(call) ?? new Set();
        const line = lineOf(store.pc);
        if (line !== undefined) lines.add(line);
        writesAfter.set(call, lines);
      }
    }
    return sitesOf(analysis, 0xf1).flatMap((call) => {
      const [gas, target, value] = call.operands;
      const lines = writesAfter.get(call.pc);
      if (lines === undefined || gas === undefined || target === undefined || value === undefined) return [];
      if ((gas.taint & Taint.GAS) === 0 || !mayBeNonZero(value) || target.constant !== undefined || !call.unguarded) return [];
      const where = lines.size === 0 ? "" : ` (line ${[...lines].sort((a, b) => a - b).join(", ")})`;
      return [{ pc: call.pc, message: `CALL (pc ${call.pc}) in ${reachedFrom(call)} sends ether with all gas; storage is written after it${where}` }];
    });
  },
};
