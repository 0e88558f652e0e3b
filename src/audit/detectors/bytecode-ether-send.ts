/**
 * bytecode-ether-send — ether sent to an address the caller chooses, with no check on the caller.
 *
 * Finds: a CALL or CALLCODE whose value may be non-zero and whose recipient derives from CALLER or
 *   calldata, reached on a path with no caller check, where the amount is not read from storage
 *   keyed by the caller (a balance owed to them) and is not just the ether sent along (a refund).
 * SWC: SWC-105 (Unprotected Ether Withdrawal). Category: access_control.
 * Severity: medium. Confidence: low (the amount may be owed in a way the bytecode does not show).
 * Recommendation: pay only what the caller is owed (debit a balance first), or restrict the function.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { sitesOf, mayBeNonZero } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

const VALUE_CALLS = new Set([0xf1, 0xf2]);

export const bytecodeEtherSend: BytecodeDetector = {
  info: {
    id: "bytecode-ether-send",
    title: "Unprotected ether transfer (bytecode)",
    swc: "SWC-105",
    category: "access_control",
    severity: "medium",
    confidence: "low",
    description:
      "The runtime code sends ether to the caller or to an address from calldata on a path with no check on the caller, and the amount is not a balance kept for the caller.",
    recommendation: "Pay only what the caller is owed (debit a balance first), or restrict the function to authorised accounts.",
  },
  twins: ["SWC-105"],
  detect({ analysis, reachedFrom }) {
    if (!analysis.complete) return [];
    return sitesOf(analysis, VALUE_CALLS).flatMap((site) => {
      const [, recipient, value] = site.operands;
      if (recipient === undefined || value === undefined || !site.unguarded || !mayBeNonZero(value)) return [];
      if ((recipient.taint & (Taint.CALLER | Taint.CALLDATA)) === 0) return [];
      if ((value.taint & Taint.CALLER_KEYED) !== 0 || value.taint === Taint.CALLVALUE) return [];
      const who = (recipient.taint & Taint.CALLER) !== 0 ? "the caller" : "an address from calldata";
      return [{ pc: site.pc, message: `CALL (pc ${site.pc}) in ${reachedFrom(site)} sends ether to ${who} with no check on the caller` }];
    });
  },
};
