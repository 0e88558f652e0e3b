/**
 * The runtime code behind a finding: the instructions solc's source map attributes to the flagged
 * lines (Solidity docs, "Source Mappings"). Exploit confirmation watches their program counters in
 * a trace (the CALL of a re-entrancy, the SSTORE after it), and a finding can be checked against
 * the code: `addr.call.value(v);` without `()` compiles to no CALL at all.
 */
import { type CompiledContract, runtimeSourceLocator } from "../../compile/index.js";
import { OPCODE_NAMES } from "../../vm/opcodes.js";
import { disassemble } from "../bytecode/disassembly.js";
import type { Finding } from "../finding.js";

export interface Instruction {
  readonly pc: number;
  readonly opcode: number;
  /** `CALL`, `SSTORE`, `PUSH1`… */
  readonly name: string;
  /** Where solc says the instruction comes from; absent for compiler-generated code. */
  readonly file?: string;
  readonly line?: number;
}

/** Every instruction of the contract's runtime code, with its source line where the map gives one. */
export function runtimeInstructions(contract: CompiledContract): Instruction[] {
  const locate = runtimeSourceLocator(contract);
  return disassemble(contract.runtimeBytecode).instructions.map(({ pc, opcode }) => {
    const where = locate(pc);
    return {
      pc,
      opcode,
      name: OPCODE_NAMES[opcode] ?? `0x${opcode.toString(16)}`,
      ...(where === undefined ? {} : { file: where.file, line: where.line }),
    };
  });
}

/**
 * The instructions generated from the finding's lines in the contract's runtime code. A line's
 * instructions include those of expressions that start on it (solc maps each instruction to the
 * innermost expression it implements).
 */
export function findingInstructions(finding: Finding, contract: CompiledContract): Instruction[] {
  const { file, line, endLine } = finding.location;
  return runtimeInstructions(contract).filter(
    (i) => i.file === file && i.line !== undefined && i.line >= line && i.line <= endLine,
  );
}
