/**
 * bytecode-selfdestruct — a SELFDESTRUCT any account can reach.
 *
 * Finds: a SELFDESTRUCT instruction reached on some path of the runtime code that passes no branch
 *   on the caller (CALLER compared with a stored or constant address, a storage entry keyed by
 *   CALLER, or ORIGIN compared with a stored address). Sees inline assembly and code the AST
 *   patterns miss. Reports nothing when the interpretation ran out of budget (a missing check
 *   cannot be claimed then).
 * SWC: SWC-106 (Unprotected SELFDESTRUCT Instruction). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: restrict the path to the owner (a check on msg.sender), or remove selfdestruct.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { Op } from "../bytecode/disassembly.js";
import { sitesOf } from "../bytecode/queries.js";

export const bytecodeSelfdestruct: BytecodeDetector = {
  info: {
    id: "bytecode-selfdestruct",
    title: "Unprotected SELFDESTRUCT (bytecode)",
    swc: "SWC-106",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description: "The runtime code reaches SELFDESTRUCT on a path with no check on the caller: any account can destroy the contract.",
    recommendation: "Restrict the path to the owner (a check on msg.sender), or remove selfdestruct.",
  },
  twins: ["SWC-106"],
  detect({ analysis, reachedFrom }) {
    if (!analysis.complete) return [];
    return sitesOf(analysis, Op.SELFDESTRUCT)
      .filter((site) => site.unguarded)
      .map((site) => ({
        pc: site.pc,
        message: `SELFDESTRUCT (pc ${site.pc}) is reached from ${reachedFrom(site)} on a path with no check on the caller`,
      }));
  },
};
