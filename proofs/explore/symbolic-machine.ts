/** The spec's frame driver set up for one path: symbolic words, memory and world, cheatcodes, step limit. */
import { executeMessage, type Machine, type MessageOutcome } from "../../spec/machine/execute.js";
import { cheatcodes } from "../cheatcodes.js";
import { CALL_GAS } from "../environment.js";
import { SymbolicMemory } from "../domain/symbolic-memory.js";
import { symbolicWords } from "../domain/symbolic-words.js";
import type { Z3Bytes, Z3Word } from "../domain/terms.js";
import type { SymbolicWorld } from "../host/symbolic-world.js";
import type { Bv } from "../z3/context.js";
import { type Path, PathDiscarded, StepLimitHit } from "./path.js";

/**
 * Placeholders for symbolic cheatcode arguments: 160-bit values no real address, timestamp or
 * block number of a test takes, that the word domain maps back to the symbolic argument.
 */
const CHEATCODE_PLACEHOLDER = 0xa11a5ed0000000000000000000000000a11a5ed0n;

/** Steps one path may run before it is cut (a concrete loop that never ends). */
export const STEP_LIMIT = 2_000_000;

export interface SymbolicCall {
  readonly caller: bigint;
  readonly address: bigint;
  readonly value: bigint;
  readonly data: Z3Bytes;
}

/** Runs top-level calls of one path in one world, one transaction each. */
export class SymbolicSession {
  private readonly machine: Machine<Z3Word, Z3Bytes>;
  private steps = 0;

  constructor(
    readonly path: Path,
    readonly world: SymbolicWorld,
    initialAliases: ReadonlyMap<bigint, Bv> = new Map(),
  ) {
    const aliases = new Map(initialAliases);
    const words = symbolicWords(path, aliases);
    let placeholders = 0;
    const machine: Machine<Z3Word, Z3Bytes> = {
      words,
      world,
      newMemory: () => new SymbolicMemory(),
      observer: {
        before: (frame) => {
          path.location = { codeAddress: frame.message.codeAddress, pc: frame.pc };
          if (++this.steps > STEP_LIMIT) throw new StepLimitHit(`more than ${STEP_LIMIT} steps`);
        },
        after: () => {},
      },
      intercept: cheatcodes(
        {
          world,
          block: world.block,
          assume: (condition) => {
            const value = words.concrete(condition);
            if (value !== undefined) return value !== 0n;
            const term = condition as Bv;
            return path.decide(term.ctx.Not(term.eq(term.ctx.BitVec.val(0n, 256))), false);
          },
          discard: () => {
            throw new PathDiscarded("vm.assume");
          },
          standIn: (word) => {
            if (typeof word === "bigint") return word;
            const placeholder = CHEATCODE_PLACEHOLDER + BigInt(placeholders++);
            aliases.set(placeholder, word);
            return placeholder;
          },
        },
        () => machine,
      ),
    };
    this.machine = machine;
  }

  call(call: SymbolicCall): MessageOutcome<Z3Bytes> {
    this.world.beginTransaction();
    if (!this.world.exists(call.caller)) this.world.setBalance(call.caller, 1n << 96n);
    return executeMessage(this.machine, {
      kind: "call",
      caller: call.caller,
      address: call.address,
      codeAddress: call.address,
      value: call.value,
      transfer: call.value,
      data: call.data,
      code: this.world.code(call.address),
      gas: CALL_GAS,
      depth: 0,
      isStatic: false,
    });
  }
}
