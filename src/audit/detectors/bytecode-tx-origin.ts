/**
 * bytecode-tx-origin — a branch on ORIGIN compared with a stored or constant address.
 *
 * Finds: a JUMPI whose condition derives from ORIGIN == (storage or a non-zero constant);
 *   `tx.origin == msg.sender` is not such a check.
 * SWC: SWC-115 (Authorization through tx.origin). Category: access_control.
 * Severity: medium. Confidence: medium.
 * Recommendation: authorise with msg.sender, not tx.origin.
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { sitesOf } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

export const bytecodeTxOrigin: BytecodeDetector = {
  info: {
    id: "bytecode-tx-origin",
    title: "Authorisation through tx.origin (bytecode)",
    swc: "SWC-115",
    category: "access_control",
    severity: "medium",
    confidence: "medium",
    description: "The runtime code branches on ORIGIN compared with an address: a contract the owner calls can act as the owner.",
    recommendation: "Authorise with msg.sender, not tx.origin.",
  },
  twins: ["SWC-115"],
  detect({ analysis, reachedFrom }) {
    return sitesOf(analysis, 0x57)
      .filter((site) => ((site.operands[1]?.taint ?? 0) & Taint.ORIGIN_CHECK) !== 0)
      .map((site) => ({ pc: site.pc, message: `JUMPI (pc ${site.pc}) in ${reachedFrom(site)} branches on tx.origin compared with an address` }));
  },
};
