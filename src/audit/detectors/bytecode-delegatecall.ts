/**
 * bytecode-delegatecall — DELEGATECALL to an address from calldata, with no check on the caller.
 *
 * Finds: a DELEGATECALL whose target derives from calldata, reached on a path with no caller check.
 *   A proxy's target read from storage is not flagged.
 * SWC: SWC-112 (Delegatecall to Untrusted Callee). Category: access_control.
 * Severity: medium. Confidence: medium.
 * Recommendation: delegate only to a fixed or owner-set address, and restrict who can choose it.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { sitesOf } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

export const bytecodeDelegatecall: BytecodeDetector = {
  info: {
    id: "bytecode-delegatecall",
    title: "Delegatecall to a caller-chosen address (bytecode)",
    swc: "SWC-112",
    category: "access_control",
    severity: "medium",
    confidence: "medium",
    description: "The runtime code delegates to an address taken from calldata with no check on the caller: any account can run its own code in this contract's storage.",
    recommendation: "Delegate only to a fixed or owner-set address, and restrict who can choose it.",
  },
  twins: ["SWC-112"],
  detect({ analysis, reachedFrom }) {
    if (!analysis.complete) return [];
    return sitesOf(analysis, 0xf4)
      .filter((site) => site.unguarded && ((site.operands[1]?.taint ?? 0) & Taint.CALLDATA) !== 0)
      .map((site) => ({ pc: site.pc, message: `DELEGATECALL (pc ${site.pc}) in ${reachedFrom(site)} targets an address from calldata with no check on the caller` }));
  },
};
