/**
 * bytecode-block-randomness — block hashes, PREVRANDAO or COINBASE as a source of chance.
 *
 * Finds: a JUMPI condition (not a compiler check), a CALL's ether value or an SSTORE'd value
 *   derived from BLOCKHASH, PREVRANDAO (DIFFICULTY before the merge) or COINBASE, followed on the
 *   stack and in constant-offset memory, outside library code (it acts on what its caller passes).
 * SWC: SWC-120 (Weak Sources of Randomness from Chain Attributes). Category: bad_randomness.
 * Severity: medium. Confidence: low.
 * Recommendation: use a commit-reveal scheme or a verifiable random function (an oracle).
 */
import type { BytecodeDetector } from "./bytecode-detector.js";
import { compilerCheck, sitesOf } from "../bytecode/queries.js";
import { Taint } from "../bytecode/values.js";

const CHANCE = Taint.BLOCKHASH | Taint.PREVRANDAO | Taint.COINBASE;
/** Where the value is read: JUMPI's condition, CALL's value, SSTORE's value (operands, top first). */
const SINKS: ReadonlyMap<number, [number, string]> = new Map([
  [0x57, [1, "branches on"]],
  [0xf1, [2, "sends ether derived from"]],
  [0x55, [1, "stores a value derived from"]],
]);

export const bytecodeBlockRandomness: BytecodeDetector = {
  info: {
    id: "bytecode-block-randomness",
    title: "Block values as randomness (bytecode)",
    swc: "SWC-120",
    category: "bad_randomness",
    severity: "medium",
    confidence: "low",
    description: "The runtime code decides, pays or stores from a block hash, PREVRANDAO or COINBASE, which the block's producer knows or chooses.",
    recommendation: "Use a commit-reveal scheme or a verifiable random function (an oracle).",
  },
  twins: ["SWC-120", "SWC-116"],
  detect({ analysis, reachedFrom, inLibrary }) {
    return sitesOf(analysis, new Set(SINKS.keys())).flatMap((site) => {
      const [operand, verb] = SINKS.get(site.opcode) as [number, string];
      if (((site.operands[operand]?.taint ?? 0) & CHANCE) === 0) return [];
      if (inLibrary(site.pc) || (site.opcode === 0x57 && compilerCheck(analysis, site))) return [];
      return [{ pc: site.pc, message: `pc ${site.pc} in ${reachedFrom(site)} ${verb} a block hash, PREVRANDAO or COINBASE` }];
    });
  },
};
