/**
 * What a bytecode detector is: the same fixed header as an AST detector (what it finds, SWC id,
 * category, severity, confidence, recommendation), a check over one contract's interpreted runtime
 * code returning the instructions where the weakness shows, and the SWC ids of the AST findings
 * that report the same weakness: an AST finding of one of those on the same lines is the same
 * finding, and the bytecode's evidence is added to it instead of a second report.
 */
import type { CompiledContract } from "../../compile/index.js";
import type { RuntimeAnalysis, Site } from "../bytecode/interpret.js";
import type { DetectorInfo } from "../finding.js";

export interface ContractCode {
  readonly contract: CompiledContract;
  readonly analysis: RuntimeAnalysis;
  /** The ABI functions that reach `site`, for messages: `withdraw(uint256)`, or "the fallback". */
  reachedFrom(site: Site): string;
  /** The source line of an instruction, when the source map gives one. */
  lineOf(pc: number): number | undefined;
  /** The instruction was compiled from a library's code (SafeMath's `require(c >= a)`). */
  inLibrary(pc: number): boolean;
}

/** One instruction a bytecode detector flags; the finding points at the statement it was compiled from. */
export interface BytecodeHit {
  readonly pc: number;
  readonly message: string;
}

export interface BytecodeDetector {
  readonly info: DetectorInfo;
  /** SWC ids of AST findings this one merges with when they are on the same lines. */
  readonly twins: readonly string[];
  detect(code: ContractCode): BytecodeHit[];
}
