/**
 * reentrancy-limited-gas — send/transfer before the state that guards it is updated.
 *
 * Finds: `send` or `transfer` followed by a write to a state variable the function read before.
 *   The 2300-gas stipend stops re-entry today, but gas prices of opcodes change (EIP-1884 raised
 *   SLOAD and broke contracts that relied on the stipend), so the order is a latent re-entrancy.
 * SWC: SWC-107 (Reentrancy). Category: reentrancy.
 * Severity: low. Confidence: medium.
 * Recommendation: update state before sending (checks-effects-interactions).
 */
import { staleWrites, variableName } from "../analysis/reentrancy.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const reentrancyLimitedGas: Detector = {
  info: {
    id: "reentrancy-limited-gas",
    title: "Re-entrancy with the 2300-gas stipend: send/transfer before state is updated",
    swc: "SWC-107",
    category: "reentrancy",
    severity: "low",
    confidence: "medium",
    description:
      "Ether leaves through send/transfer before the function updates state it read. Only the 2300-gas stipend prevents re-entry, and opcode prices have changed before (EIP-1884, EIP-2929).",
    recommendation: "Update state before sending (checks-effects-interactions).",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      const selects = (call: { kind: string }) => call.kind === "send" || call.kind === "transfer";
      for (const { call, at, write } of staleWrites(fn, program, selects)) {
        hits.push({
          contract: fn.contract,
          function: fn,
          node: at,
          message: `${fn.signature} sends ether (${call.kind}) before writing ${variableName(write)}`,
        });
      }
    }
    return hits;
  },
};
