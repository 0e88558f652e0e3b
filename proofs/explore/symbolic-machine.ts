/** The spec's frame driver set up for one path: symbolic words, memory and world, cheatcodes, step limit. */
import { executeMessage, type Interception, type Machine, type MessageOutcome } from "../../spec/machine/execute.js";
import type { Frame, Message } from "../../spec/machine/frame.js";
import { isPrecompile } from "../../spec/precompiles/index.js";
import type { Words } from "../../spec/word/words.js";
import { cheatcodes, type ExpectedCall, MISSED_EXPECT_CALL } from "../cheatcodes.js";
import { CALL_GAS } from "../environment.js";
import { SymbolicMemory } from "../domain/symbolic-memory.js";
import { symbolicWords } from "../domain/symbolic-words.js";
import type { Z3Bytes, Z3Word } from "../domain/terms.js";
import type { SymbolicWorld } from "../host/symbolic-world.js";
import { symbolicPrecompileCall } from "../host/precompile-functions.js";
import { z3Runtime, type Bv } from "../z3/context.js";
import { type Path, PathDiscarded, StepLimitHit } from "./path.js";
import { type Artifact, findArtifact } from "../artifacts.js";

/**
 * Placeholders for symbolic words the spec's host keeps as bigints (cheatcode arguments, amounts
 * of ether, balances): 160-bit values no real address, amount, timestamp or block number of a
 * test takes, that the word domain maps back to the symbolic word.
 */
const CHEATCODE_PLACEHOLDER = 0xa11a5ed0000000000000000000000000a11a5ed0n;

/** Steps one path may run before it is cut (a concrete loop that never ends). */
export const STEP_LIMIT = 2_000_000;

export interface SymbolicCall {
  readonly caller: bigint;
  readonly address: bigint;
  /**
   * msg.value, paid by the caller without a balance check (a top-level call's sender is taken to
   * afford it); a symbolic value moves as a term, so both balances become symbolic.
   */
  readonly value: Z3Word;
  readonly data: Z3Bytes;
}

/**
 * The spec's frame driver fails a precompile call whose input is not concrete; such a call is
 * answered here instead, by uninterpreted functions of the input (`../host/precompile-functions.ts`).
 */
function withSymbolicPrecompiles(
  path: Path,
  world: SymbolicWorld,
  words: Words<Z3Word, Z3Bytes>,
  intercept: (message: Message<Z3Bytes>) => Interception<Z3Bytes> | undefined,
): (message: Message<Z3Bytes>) => Interception<Z3Bytes> | undefined {
  return (message) => {
    if (message.kind === "call" && message.delegated !== true && isPrecompile(message.codeAddress, world.schedule) && words.concreteBytes(message.data) === undefined) {
      return { result: symbolicPrecompileCall(path, world, message) };
    }
    return intercept(message);
  };
}

/** Runs top-level calls of one path in one world, one transaction each. */
export class SymbolicSession {
  private readonly machine: Machine<Z3Word, Z3Bytes>;
  private steps = 0;
  /** What this path's cheatcode expectations missed (vm.expectRevert, vm.expectEmit): the test fails, as in forge. */
  missedExpectation: string | undefined;
  /** The calls vm.expectCall expects of the current top-level call. */
  private readonly expectedCalls: ExpectedCall<Z3Bytes>[] = [];
  /** The placeholder that stands for a symbolic word where the spec's host wants a bigint. */
  private readonly standIn: (word: Z3Word, kind: "address" | "balance" | "block" | "value") => bigint;

  constructor(
    readonly path: Path,
    readonly world: SymbolicWorld,
    initialAliases: ReadonlyMap<bigint, Bv> = new Map(),
    /** What vm.getCode can name. */
    artifacts: readonly Artifact[] = [],
    /** Sees each step before it runs (a targeted query watching a pc); it may throw to end the path's run. */
    onStep?: (frame: Frame<Z3Word, Z3Bytes>) => void,
  ) {
    const aliases = new Map(initialAliases);
    /**
     * Placeholder addresses of symbolic addresses, keyed by the simplified term's id, so that
     * `and(a, mask)` and `and(mask, a)` are one address; the entry keeps that term alive, so its
     * id is not reused for another term.
     */
    const addressPlaceholders = new Map<number, { placeholder: bigint; term: Bv; simplified: Bv; distinct: boolean }>();
    const placeholderOf = (term: Bv, what: string): bigint | undefined => {
      // A symbolic amount of ether (CALL, CALLCODE, CREATE value): whether it is zero decides the
      // price; a nonzero one travels as a placeholder that the world adds and subtracts as a term.
      if (/ value$/.test(what)) {
        if (!path.decide(term.ctx.Not(term.eq(term.ctx.BitVec.val(0n, 256))), false)) return 0n;
        return this.standIn(term, "value");
      }
      const entry = addressPlaceholders.get(z3Runtime().simplify(term).id());
      if (entry === undefined) return undefined;
      if (!entry.distinct) {
        // The placeholder account is a fresh one: the symbolic address is taken to be none of the others.
        const { ctx } = term;
        for (const address of world.addresses()) {
          if (address !== entry.placeholder) path.constraints.push(ctx.Not(term.eq(ctx.BitVec.val(address, 256))));
        }
        for (const other of addressPlaceholders.values()) if (other !== entry) path.constraints.push(ctx.Not(term.eq(other.term)));
        entry.distinct = true;
        path.bounds.add("a symbolic address used as an account is none of the existing accounts");
      }
      return entry.placeholder;
    };
    const words = symbolicWords(path, aliases, placeholderOf);
    let placeholders = 0;
    world.useSymbolicAmounts({
      termOf: (amount) => aliases.get(amount),
      standIn: (term) => this.standIn(term, "balance"),
      assume: (condition) => {
        path.constraints.push(condition);
        path.assumptions.add("a symbolic transfer of ether never makes a balance exceed 2^256 - 1");
      },
    });
    this.standIn = (word, kind) => {
      if (typeof word === "bigint") return word;
      // One symbolic address, one placeholder account, however often a cheatcode names it.
      const simplified = z3Runtime().simplify(word);
      const known = kind === "address" ? addressPlaceholders.get(simplified.id()) : undefined;
      if (known !== undefined) return known.placeholder;
      const placeholder = CHEATCODE_PLACEHOLDER + BigInt(placeholders++);
      aliases.set(placeholder, word);
      if (kind === "address") addressPlaceholders.set(simplified.id(), { placeholder, term: word, simplified, distinct: false });
      return placeholder;
    };
    const machine: Machine<Z3Word, Z3Bytes> = {
      words,
      world,
      newMemory: () => new SymbolicMemory(),
      observer: {
        before: (frame) => {
          path.location = { codeAddress: frame.message.codeAddress, pc: frame.pc };
          if (++this.steps > STEP_LIMIT) throw new StepLimitHit(STEP_LIMIT, path.location);
          onStep?.(frame);
        },
        after: () => {},
      },
      intercept: withSymbolicPrecompiles(path, world, words, cheatcodes(
        {
          world,
          block: world.block,
          tx: world.tx,
          expectationMissed: (what) => {
            this.missedExpectation ??= what;
          },
          artifact: (what) => findArtifact(artifacts, what),
          expectedCalls: this.expectedCalls,
          assume: (condition) => {
            const value = words.concrete(condition);
            if (value !== undefined) return value !== 0n;
            const term = condition as Bv;
            return path.decide(term.ctx.Not(term.eq(term.ctx.BitVec.val(0n, 256))), false);
          },
          discard: () => {
            throw new PathDiscarded("vm.assume");
          },
          standIn: (word, kind) => this.standIn(word, kind),
        },
        () => machine,
      )),
    };
    this.machine = machine;
  }

  /** The placeholder address of a symbolic address (a symbolic top-level caller), as a pranked one gets. */
  addressOf(word: Bv): bigint {
    return this.standIn(word, "address");
  }

  call(call: SymbolicCall): MessageOutcome<Z3Bytes> {
    this.world.beginTransaction();
    if (!this.world.exists(call.caller)) this.world.setBalance(call.caller, 1n << 96n);
    // A symbolic value travels as a placeholder, which the world moves as a term (see useSymbolicAmounts).
    const value = this.standIn(call.value, "value");
    const outcome = executeMessage(this.machine, {
      kind: "call",
      caller: call.caller,
      address: call.address,
      codeAddress: call.address,
      value,
      transfer: value,
      data: call.data,
      code: this.world.code(call.address),
      gas: CALL_GAS,
      depth: 0,
      isStatic: false,
    });
    if (this.expectedCalls.some((expected) => !expected.met)) this.missedExpectation ??= MISSED_EXPECT_CALL;
    return outcome;
  }
}
