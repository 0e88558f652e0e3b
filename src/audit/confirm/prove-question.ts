/**
 * What the prover is asked about a finding the campaign left unconfirmed, and what its concrete
 * replay must show for the finding to be confirmed:
 *
 * - arithmetic (SWC-101): does one of the finding's ADD/SUB/MUL instructions wrap (its exact result
 *   outside [0, 2^bits), proofs/arithmetic-wrap.ts) in a transaction that succeeds? Any caller.
 * - an unprotected owner write (SWC-124): does a caller other than the deployer reach the finding's
 *   SSTORE, in a transaction that succeeds?
 * - an unprotected selfdestruct (SWC-106): does a caller other than the deployer reach its
 *   SELFDESTRUCT, in a transaction that succeeds?
 */
import { exactResult, WRAPPING_OPCODES, wrapCondition, wrapsConcretely } from "../../../proofs/arithmetic-wrap.js";
import type { ReachTarget } from "../../../proofs/reach-pc.js";
import type { CompiledContract } from "../../compile/index.js";
import { findingInstructions } from "../analysis/bytecode.js";
import type { Finding } from "../finding.js";
import { addressText, DEPLOYER } from "./actors.js";
import type { WatchedStep } from "./prove-replay.js";

const SSTORE = 0x55;
const SELFDESTRUCT = 0xff;

export interface ProverQuestion {
  /** What is asked, in the words of the evidence: "ADD/SUB/MUL wraps". */
  readonly what: string;
  /** What a negative answer means, for the bounded evidence: "no overflow reachable". */
  readonly none: string;
  readonly target: ReachTarget;
  /** Callers excluded: the deployer, when the finding is about what a stranger can do. */
  readonly notCallers: readonly bigint[];
  /** What the replay showed that confirms the finding (a sentence), or undefined. */
  readonly confirmedBy: (seen: readonly WatchedStep[], success: boolean, caller: bigint) => string | undefined;
}

/**
 * The width a pre-0.8 narrow unsigned result is cleaned to: solc follows the instruction with
 * `PUSH 2^k-1 AND` for a uint<k> (k < 256). 256 when it does not.
 */
export function cleanupBits(code: Uint8Array, pc: number): number {
  const push = pc + 1;
  const op = code[push] ?? 0;
  if (op < 0x60 || op > 0x7f) return 256;
  const size = op - 0x5f;
  if (code[push + 1 + size] !== 0x16) return 256;
  let mask = 0n;
  for (let i = 0; i < size; i++) mask = (mask << 8n) | BigInt(code[push + 1 + i] ?? 0);
  if (mask === 0n || (mask & (mask + 1n)) !== 0n) return 256;
  return mask.toString(2).length;
}

const SYMBOLS: Readonly<Record<string, string>> = { ADD: "+", MUL: "*", SUB: "-" };

function arithmetic(finding: Finding, contract: CompiledContract): ProverQuestion | undefined {
  const instructions = findingInstructions(finding, contract).filter((i) => WRAPPING_OPCODES.has(i.opcode));
  if (instructions.length === 0) return undefined;
  const code = contract.runtimeBytecode;
  const names = [...new Set(instructions.map((i) => i.name))].join("/");
  return {
    what: `${names} wraps`,
    none: "no overflow or underflow reachable",
    notCallers: [],
    target: {
      pcs: new Set(instructions.map((i) => i.pc)),
      condition: (opcode, [a, b], pc) => wrapCondition(opcode, a!, b!, cleanupBits(code, pc)),
      what: `${names} wraps`,
    },
    confirmedBy: (seen, success) => {
      // A wrap that a later check reverts (`require(a + b >= a)`) is the guard working.
      if (!success) return undefined;
      for (const step of seen) {
        const [a, b] = step.operands;
        const bits = cleanupBits(code, step.pc);
        if (a === undefined || b === undefined || !wrapsConcretely(step.opcode, a, b, bits)) continue;
        const name = WRAPPING_OPCODES.get(step.opcode)!;
        const exact = exactResult(step.opcode, a, b);
        const wrapped = ((exact % (1n << BigInt(bits))) + (1n << BigInt(bits))) % (1n << BigInt(bits));
        return `${name} at pc ${step.pc} wrapped at ${bits} bits: ${a} ${SYMBOLS[name]} ${b} = ${exact}, which became ${wrapped}`;
      }
      return undefined;
    },
  };
}

function strangerReaches(finding: Finding, contract: CompiledContract, opcode: number, name: string): ProverQuestion | undefined {
  const pcs = findingInstructions(finding, contract).filter((i) => i.opcode === opcode).map((i) => i.pc);
  if (pcs.length === 0) return undefined;
  return {
    what: `a caller other than the deployer reaches ${name}`,
    none: `no ${name} reachable by a caller other than the deployer`,
    notCallers: [DEPLOYER],
    target: { pcs: new Set(pcs), condition: () => true, what: `${name} reached by a stranger` },
    confirmedBy: (seen, success, caller) => {
      const step = seen[0];
      if (step === undefined || !success) return undefined;
      const detail = opcode === SSTORE ? ` (slot ${step.operands[0]} := ${step.operands[1]})` : "";
      return `${name} at pc ${step.pc}${detail} ran in a successful call by ${addressText(caller)}, who is not the deployer`;
    },
  };
}

/** The question for a finding, or undefined when the prover has none (another class, or no such instruction on its lines). */
export function proverQuestion(finding: Finding, contract: CompiledContract): ProverQuestion | undefined {
  const { swc, category } = finding.detector;
  if (swc === "SWC-101" || (swc === "" && category === "arithmetic")) return arithmetic(finding, contract);
  if (swc === "SWC-124") return strangerReaches(finding, contract, SSTORE, "SSTORE");
  if (swc === "SWC-106") return strangerReaches(finding, contract, SELFDESTRUCT, "SELFDESTRUCT");
  return undefined;
}
