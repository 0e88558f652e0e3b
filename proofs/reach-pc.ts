/**
 * A targeted reachability query: can one call to a deployed contract reach an instruction of its
 * code with a condition on the stack operands there? The call is one transaction from a concrete
 * pre-state (every account's storage as given), with symbolic calldata (the ABI encoding of one
 * function's arguments), a symbolic caller and, for a payable function, a symbolic value. `svm
 * audit` asks it to confirm a finding the campaign did not: "does this ADD wrap?" (SWC-101), "does a
 * stranger reach this SSTORE?" (SWC-124).
 *
 * The spec's rules run over symbolic words (`explore/`); at a watched pc the path records the
 * condition on the operands there (a hit) and runs on. A path whose call ends as asked (with
 * `mustSucceed`, only a successful one: a wrap that a later `require` reverts is no wrap that
 * matters) is solved with "some hit's condition holds" for a model (divisions and products abstract
 * first, then exact: `explore/confirm.ts`), and the model counts only once the caller's `replay`
 * saw the effect on a concrete run.
 *
 * - `reached`: a witness (caller, value, calldata, the hits' operands) whose replay showed it.
 * - `unreachable`: every path was explored and none reaches it with the condition; `bounds` names
 *   the bounds the exploration hit (loop unrolling, lengths of dynamic arguments, a symbolic word
 *   split into some of its values, the ranges of msg.value and of the caller), so this holds within
 *   them only, and for one transaction from that state only.
 * - `unknown`: the time budget ran out, the solver gave no answer, an operation was not supported,
 *   or a model did not replay; `reason` says which.
 */
import { OPCODES } from "../spec/machine/opcodes.js";
import type { Frame } from "../spec/machine/frame.js";
import type { Schedule } from "../spec/fork/schedule.js";
import type { Account } from "../spec/state/account.js";
import { symbolicCalldataVariants, DEFAULT_BOUNDS, type Bounds, type ParamType, type SymbolicCalldata } from "./calldata.js";
import { SCHEDULE, transactionFrom } from "./environment.js";
import { confirmFailure } from "./explore/confirm.js";
import { explore } from "./explore/explorer.js";
import type { Path } from "./explore/path.js";
import type { Assignment } from "./explore/solver.js";
import { SymbolicSession } from "./explore/symbolic-machine.js";
import { type Cell, toTerm, wordsOfCells, type Z3Bytes, type Z3Word } from "./domain/terms.js";
import type { MutableBlock } from "./host/symbolic-world.js";
import { SymbolicWorld } from "./host/symbolic-world.js";
import { concreteCells } from "./prove.js";
import { type Bv, type Z3Bool, z3, z3Runtime } from "./z3/context.js";

/** The instructions watched and what must hold there. */
export interface ReachTarget {
  /** pcs in the target's runtime code (its own frame of the transaction, depth 0). */
  readonly pcs: ReadonlySet<number>;
  /**
   * The condition on the instruction's operands (the words it pops, top of the stack first), or
   * `true` when reaching the instruction is enough.
   */
  readonly condition: (opcode: number, operands: readonly Bv[], pc: number) => Z3Bool | true;
  /** What is asked, for reasons: "ADD wraps". */
  readonly what: string;
}

/** The function called: its selector and ABI parameters. */
export interface ReachCall {
  readonly selector: Uint8Array;
  readonly inputs: readonly ParamType[];
  readonly payable: boolean;
  /** A payable call's msg.value is below this. Default 2^96 (about 8e10 ether), as for invariants. */
  readonly valueBelow?: bigint;
}

export interface ReachQuery {
  /** The pre-state, storage included (e.g. right after deployment). */
  readonly accounts: ReadonlyMap<bigint, Account>;
  readonly block: MutableBlock;
  /** Default: Cancun without code size limits (`environment.ts`). */
  readonly schedule?: Schedule;
  readonly target: bigint;
  readonly call: ReachCall;
  /**
   * Addresses the caller is not (the deployer, when a stranger's call is asked for). An account
   * with code is never the caller either (it sends no transactions, EIP-3607), nor an address
   * below 2^32 (the zero address, precompiles, system addresses).
   */
  readonly notCallers: readonly bigint[];
  readonly at: ReachTarget;
  /** Only a call that succeeds counts (the effect is not undone by a revert after the instruction). */
  readonly mustSucceed: boolean;
  readonly loopBound: number;
  readonly queryTimeoutMs: number;
  /** Date.now() at which the search stops (`unknown`, time budget). */
  readonly deadline: number;
  /** Lengths of dynamic arguments. Default: `svm prove`'s. */
  readonly bounds?: Bounds;
}

/** A watched instruction the path ran, with its operands in the model (top of the stack first). */
export interface Hit {
  readonly pc: number;
  readonly operands: readonly bigint[];
}

/** A concrete call that reaches the instruction, read from a model. */
export interface Witness {
  readonly caller: bigint;
  readonly value: bigint;
  readonly calldata: Uint8Array;
  /** The watched instructions the path ran, in order; at least one of them meets the condition in the model. */
  readonly hits: readonly Hit[];
}

export type ReachResult =
  | { readonly kind: "reached"; readonly witness: Witness; readonly observed: string; readonly paths: number }
  | { readonly kind: "unreachable"; readonly bounds: readonly string[]; readonly paths: number }
  | { readonly kind: "unknown"; readonly reason: string; readonly bounds: readonly string[]; readonly paths: number };

/** The lowest caller address asked about (see `reachPc`). */
const LOWEST_CALLER = 1n << 32n;

const VALUE_BOUND = 1n << 96n;

/** A watched instruction a path ran, with its operands as terms and the condition on them. */
interface SymbolicHit {
  readonly pc: number;
  readonly operands: readonly Bv[];
  readonly condition: Z3Bool;
}

/** Records, on one path, the watched instructions of the target's own frame whose condition may hold. */
function watcher(query: ReachQuery, hits: SymbolicHit[]): (frame: Frame<Z3Word, Z3Bytes>) => void {
  const { ctx, simplify } = z3Runtime();
  return (frame) => {
    if (frame.message.depth !== 0 || frame.message.codeAddress !== query.target || !query.at.pcs.has(frame.pc)) return;
    const opcode = frame.message.code[frame.pc]!;
    const arity = OPCODES.get(opcode)?.pops ?? 0;
    const operands = frame.stack.slice(frame.stack.length - arity).reverse().map(toTerm);
    const asked = query.at.condition(opcode, operands, frame.pc);
    const condition = asked === true ? ctx.Bool.val(true) : asked;
    if (!ctx.isFalse(simplify(condition))) hits.push({ pc: frame.pc, operands, condition });
  };
}

/** Asks whether one call reaches `query.at`; a model counts only when `replay` shows the effect on a concrete run (its description). */
export async function reachPc(query: ReachQuery, replay: (witness: Witness) => string | undefined): Promise<ReachResult> {
  await z3();
  const { ctx } = z3Runtime();
  const caller = ctx.BitVec.const("caller", 256);
  const value: Z3Word = query.call.payable ? ctx.BitVec.const("callvalue", 256) : 0n;
  const variants = symbolicCalldataVariants(query.call.selector, query.call.inputs, query.bounds ?? DEFAULT_BOUNDS, "arg");
  const bounds = new Set(variants.flatMap((v) => v.boundsUsed));
  const valueBelow = query.call.valueBelow ?? VALUE_BOUND;
  if (query.call.payable) bounds.add(valueBelow === VALUE_BOUND ? "msg.value < 2^96" : `msg.value < ${valueBelow} wei`);
  const withCode = [...query.accounts].filter(([, account]) => account.code.length > 0).map(([address]) => address);
  const notCallers = [...query.notCallers, ...withCode];
  // No key signs for the zero address, the precompiles or the system addresses: the caller is an
  // ordinary account, at or above 2^32 (a bound, listed: a contract that names a caller below it is not covered).
  bounds.add("caller >= 2^32");
  const incomplete = new Set<string>();
  let paths = 0;

  for (const calldata of variants) {
    let found: { witness: Witness; observed: string } | undefined;
    const scenario = (path: Path): readonly SymbolicHit[] => {
      path.constraints.push(...calldata.constraints, caller.ult(ctx.BitVec.val(1n << 160n, 256)), caller.uge(ctx.BitVec.val(LOWEST_CALLER, 256)));
      for (const address of notCallers) path.constraints.push(ctx.Not(caller.eq(ctx.BitVec.val(address, 256))));
      if (typeof value !== "bigint") path.constraints.push(value.ult(ctx.BitVec.val(valueBelow, 256)));
      const world = new SymbolicWorld(query.accounts, query.schedule ?? SCHEDULE, { ...query.block }, transactionFrom(0n));
      const hits: SymbolicHit[] = [];
      const session = new SymbolicSession(path, world, new Map(), [], watcher(query, hits));
      // The caller is a placeholder address the word domain maps back to the symbolic caller
      // (CALLER, ORIGIN); paid or called, it is an account of its own, none of the existing ones.
      world.tx.origin = session.addressOf(caller);
      const outcome = session.call({ caller: world.tx.origin, address: query.target, value, data: calldata.cells });
      return query.mustSucceed && outcome.result.kind !== "success" ? [] : hits;
    };
    const exploration = await explore(
      scenario,
      async (path, hits, solver) => {
        if (hits.length === 0) return "continue";
        const operands = hits.flatMap((hit) => hit.operands);
        const inputs = [caller, ...(typeof value === "bigint" ? [] : [value]), ...wordsOfCells(calldata.cells), ...operands];
        let witness: Witness | undefined;
        const holds = ctx.Or(...hits.map((hit) => hit.condition));
        const confirmation = await confirmFailure(solver, path, holds, query.at.what, inputs, (model) => {
          witness = witnessOf(model, hits, calldata, caller, value);
          return replay(witness);
        });
        if (confirmation.kind === "infeasible") return "continue";
        if (confirmation.kind === "unconfirmed") {
          incomplete.add(confirmation.reason);
          return "continue";
        }
        found = { witness: witness!, observed: confirmation.failure };
        return "stop";
      },
      { loopBound: query.loopBound, queryTimeoutMs: query.queryTimeoutMs, deadline: query.deadline },
    );
    paths += exploration.paths;
    if (found !== undefined) return { kind: "reached", ...found, paths };
    for (const reason of exploration.incomplete) incomplete.add(reason);
    for (const bound of exploration.bounds) bounds.add(bound);
  }
  if (incomplete.size > 0) return { kind: "unknown", reason: [...incomplete].join("; "), bounds: [...bounds], paths };
  return { kind: "unreachable", bounds: [...bounds], paths };
}

function witnessOf(model: Assignment, hits: readonly SymbolicHit[], calldata: SymbolicCalldata, caller: Bv, value: Z3Word): Witness {
  return {
    caller: model.value(caller),
    value: typeof value === "bigint" ? value : model.value(value),
    calldata: concreteCells(model, calldata.cells as Cell[]),
    hits: hits.map((hit) => ({ pc: hit.pc, operands: hit.operands.map((operand) => model.value(operand)) })),
  };
}
