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
import { stackArity } from "../../vm/opcodes.js";
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

/** Instructions after the arithmetic within which its cleanup is looked for. */
const CLEANUP_WINDOW = 48;

/** Where a basic block ends: STOP, JUMP, JUMPI, RETURN, REVERT, INVALID, SELFDESTRUCT, or a JUMPDEST starting the next. */
const BLOCK_ENDS = new Set([0x00, 0x56, 0x57, 0x5b, 0xf3, 0xfd, 0xfe, 0xff]);

/**
 * The width a pre-0.8 narrow unsigned result is cleaned to: solc masks a uint<k> result with
 * `AND 2^k-1` (k < 256) before it is used (when it is packed into its slot, e.g.). The stack is
 * followed from the instruction to the end of its basic block, DUP and SWAP moving the result,
 * until an AND of the result with a low mask. 256 when there is none.
 */
export function cleanupBits(code: Uint8Array, pc: number): number {
  type Slot = "result" | bigint | null;
  const stack: Slot[] = ["result"];
  let at = pc + 1;
  for (let steps = 0; steps < CLEANUP_WINDOW && at < code.length; steps++) {
    const op = code[at]!;
    if (BLOCK_ENDS.has(op)) return 256;
    if (op >= 0x60 && op <= 0x7f) {
      let value = 0n;
      for (let i = 1; i <= op - 0x5f; i++) value = (value << 8n) | BigInt(code[at + i] ?? 0);
      stack.push(value);
      at += op - 0x5e;
      continue;
    }
    const depth = (n: number): Slot => stack[stack.length - n] ?? null;
    if (op >= 0x80 && op <= 0x8f) stack.push(depth(op - 0x7f));
    else if (op >= 0x90 && op <= 0x9f) {
      const other = stack.length - 1 - (op - 0x8f);
      if (other < 0) stack.unshift(...new Array<Slot>(-other).fill(null));
      const i = stack.length - 1 - (op - 0x8f);
      [stack[i], stack[stack.length - 1]] = [stack[stack.length - 1]!, stack[i]!];
    } else {
      const [pops, pushes] = stackArity(op);
      const popped = Array.from({ length: pops }, () => stack.pop() ?? null);
      if (op === 0x16 && popped.includes("result")) {
        const mask = popped.find((slot): slot is bigint => typeof slot === "bigint");
        if (mask !== undefined && mask !== 0n && (mask & (mask + 1n)) === 0n) return mask.toString(2).length;
      }
      for (let i = 0; i < pushes; i++) stack.push(null);
    }
    at++;
  }
  return 256;
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

const KINDS = { "SWC-101": "wrap", "SWC-124": "owner write", "SWC-106": "selfdestruct" } as const;

/** The kind of question a finding gets, by its SWC id (arithmetic without one counts as SWC-101). */
function kindOf(finding: Finding): (typeof KINDS)[keyof typeof KINDS] | undefined {
  const { swc, category } = finding.detector;
  if (swc === "" && category === "arithmetic") return "wrap";
  return KINDS[swc as keyof typeof KINDS];
}

/** Whether findings of this kind get a question (before looking at the code). */
export function hasProverQuestion(finding: Finding): boolean {
  return kindOf(finding) !== undefined;
}

/** The question for a finding, or undefined when the prover has none (another class, or no such instruction on its lines). */
export function proverQuestion(finding: Finding, contract: CompiledContract): ProverQuestion | undefined {
  switch (kindOf(finding)) {
    case "wrap":
      return arithmetic(finding, contract);
    case "owner write":
      return strangerReaches(finding, contract, SSTORE, "SSTORE");
    case "selfdestruct":
      return strangerReaches(finding, contract, SELFDESTRUCT, "SELFDESTRUCT");
    case undefined:
      return undefined;
  }
}
