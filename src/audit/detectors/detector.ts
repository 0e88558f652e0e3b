/**
 * What a detector is: its fixed description (Slither's header: what it finds, SWC id, category,
 * severity, confidence, recommendation) and a check over the compiled program that returns the
 * places where the weakness shows.
 */
import type { DetectorInfo } from "../finding.js";
import type { AstNode } from "../analysis/ast.js";
import type { ContractModel, FunctionModel, Program } from "../analysis/model.js";

/** One place a detector flags; `analyse` turns it into a Finding with location and id. */
export interface Hit {
  readonly contract: ContractModel;
  /** Undefined for contract-level findings (a state variable's initialiser). */
  readonly function: FunctionModel | undefined;
  /** The flagged expression or statement; the finding points at its statement. */
  readonly node: AstNode;
  /** What this instance is, naming its variables and calls. */
  readonly message: string;
}

export interface Detector {
  readonly info: DetectorInfo;
  detect(program: Program): Hit[];
}

/** The functions and modifiers with a body, of contracts and libraries (interfaces have none). */
export function implementedFunctions(program: Program): (FunctionModel & { body: AstNode })[] {
  return program.contracts.flatMap((c) =>
    c.functions.filter((f): f is FunctionModel & { body: AstNode } => f.body !== undefined),
  );
}
