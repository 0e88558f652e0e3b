/**
 * bytecode-unchecked-call — a call's success flag is discarded.
 *
 * Finds: a CALL, CALLCODE, DELEGATECALL or STATICCALL whose success flag only ever reaches POP (or
 *   stack moves): no branch, ISZERO, store or computation reads it, on any path. Reports nothing
 *   when the interpretation ran out of budget.
 * SWC: SWC-104 (Unchecked Call Return Value). Category: unchecked_low_level_calls.
 * Severity: medium. Confidence: medium.
 * Recommendation: check the returned success flag and revert (or handle the failure) when it is false.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { CALL_OPCODES } from "../bytecode/interpret.js";
import { opcodeName } from "../bytecode/disassembly.js";
import { sitesOf } from "../bytecode/queries.js";

export const bytecodeUncheckedCall: BytecodeDetector = {
  info: {
    id: "bytecode-unchecked-call",
    title: "Call success flag discarded (bytecode)",
    swc: "SWC-104",
    category: "unchecked_low_level_calls",
    severity: "medium",
    confidence: "medium",
    description: "The runtime code drops a call's success flag without reading it: a failed call goes unnoticed.",
    recommendation: "Check the success flag: (bool ok, ) = addr.call(...); require(ok);",
  },
  twins: ["SWC-104"],
  detect({ analysis, reachedFrom }) {
    if (!analysis.complete) return [];
    return sitesOf(analysis, CALL_OPCODES)
      .filter((site) => !analysis.usedCallResults.has(site.pc))
      .map((site) => ({
        pc: site.pc,
        message: `${opcodeName(site.opcode)} (pc ${site.pc}) in ${reachedFrom(site)}: its success flag is discarded`,
      }));
  },
};
