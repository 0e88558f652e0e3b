/**
 * From a program counter back to the source: solc's runtime source map (Solidity docs, "Source
 * Mappings") gives the byte range an instruction was generated from; the innermost AST node
 * covering that range, with its contract and function, is where a bytecode finding points, the same
 * anchor an AST detector's hit has, so both become findings the same way.
 */
import { type CompiledContract, decodeSourceMap, instructionIndexes } from "../../compile/index.js";
import { type AstNode, descendants, srcEnd, srcStart } from "../analysis/ast.js";
import type { ContractModel, FunctionModel, Program } from "../analysis/model.js";

export interface Anchor {
  readonly contract: ContractModel;
  readonly function: FunctionModel | undefined;
  readonly node: AstNode;
}

export type AnchorOf = (pc: number) => Anchor | undefined;

function covers(node: AstNode, start: number, end: number): boolean {
  return srcStart(node) <= start && srcEnd(node) >= end;
}

/** The anchor of each runtime instruction of `contract`; undefined for compiler-generated code. */
export function anchors(contract: CompiledContract, program: Program): AnchorOf {
  const indexes = instructionIndexes(contract.runtimeBytecode);
  const entries = decodeSourceMap(contract.deployedSourceMap);
  return (pc) => {
    const index = indexes.get(pc);
    const entry = index === undefined ? undefined : entries[index];
    if (entry === undefined || entry.sourceId < 0) return undefined;
    const file = contract.sources.byId.get(entry.sourceId)?.name;
    const start = entry.start;
    const end = entry.start + entry.length;
    const model = program.contracts.find((c) => c.source.name === file && covers(c.node, start, end));
    if (model === undefined) return undefined;
    const fn = model.functions.find((f) => covers(f.node, start, end));
    let node = fn?.node ?? model.node;
    for (const candidate of descendants(node)) {
      if (covers(candidate, start, end) && srcEnd(candidate) - srcStart(candidate) <= srcEnd(node) - srcStart(node)) node = candidate;
    }
    return { contract: model, function: fn, node };
  };
}
