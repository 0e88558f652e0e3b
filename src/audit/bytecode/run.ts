/**
 * Runs the bytecode detectors over every compiled contract with runtime code and anchors each hit
 * in the source (the statement its instruction was compiled from), so that `analyse` turns the
 * hits into findings exactly as it does an AST detector's. Each contract's code is interpreted once
 * for all detectors; a base contract's code inlined into several derived ones yields one hit per
 * statement (analyse keeps the first per line).
 */
import { type CompiledContract, runtimeSourceLocator } from "../../compile/index.js";
import type { Program } from "../analysis/model.js";
import type { BytecodeDetector, ContractCode } from "../detectors/bytecode-detector.js";
import type { Hit } from "../detectors/detector.js";
import { type AnchorOf, anchors } from "./anchor.js";
import { interpret } from "./interpret.js";
import { functionsOf } from "./queries.js";

export interface BytecodeHits {
  readonly detector: BytecodeDetector;
  readonly hits: Hit[];
}

/** Functions named in a message; a helper shared by many functions would list them all otherwise. */
const SHOWN_FUNCTIONS = 3;

function contractCode(contract: CompiledContract, anchorOf: AnchorOf): ContractCode {
  const analysis = interpret(contract.runtimeBytecode);
  const locate = runtimeSourceLocator(contract);
  return {
    contract,
    analysis,
    reachedFrom: (site) => {
      const functions = functionsOf(analysis, contract, site);
      if (functions.length === 0) return "the fallback";
      const shown = functions.slice(0, SHOWN_FUNCTIONS).join(", ");
      return functions.length > SHOWN_FUNCTIONS ? `${shown} and ${functions.length - SHOWN_FUNCTIONS} more` : shown;
    },
    lineOf: (pc) => locate(pc)?.line,
    inLibrary: (pc) => anchorOf(pc)?.contract.kind === "library",
  };
}

export function bytecodeHits(program: Program, contracts: readonly CompiledContract[], detectors: readonly BytecodeDetector[]): BytecodeHits[] {
  const results = detectors.map((detector) => ({ detector, hits: [] as Hit[] }));
  if (detectors.length === 0) return results;
  for (const contract of contracts) {
    if (contract.runtimeBytecode.length === 0 || contract.deployedSourceMap === "") continue;
    const anchorOf = anchors(contract, program);
    const code = contractCode(contract, anchorOf);
    for (const result of results) {
      for (const { pc, message } of result.detector.detect(code)) {
        const anchor = anchorOf(pc);
        if (anchor !== undefined) result.hits.push({ ...anchor, message: `${contract.name}: ${message}` });
      }
    }
  }
  return results;
}
