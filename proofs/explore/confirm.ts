/**
 * Turning a path that may fail into a counterexample: solve the path with the failure condition
 * (divisions abstract first, then exact if the abstract model does not replay), read the inputs
 * from the model, and replay them concretely. Only a replay that fails confirms the failure.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bigIntToBytes, bytesToBigInt } from "../../spec/primitives/bytes.js";
import type { AbstractCalldata } from "../domain/abstract-calldata.js";
import { portfolio, z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { KeccakUse, Path } from "./path.js";
import type { Assignment, Solver } from "./solver.js";

/** The exact definitions make queries slow: they get a part of the query timeout, so other paths still get explored. */
const EXACT_QUERY_SHARE = 0.3;

/** Rounds of pinning hashes to real keccak256 values past the deepest nesting, before giving up on a model. */
const HASH_ROUNDS = 2;

/** How deeply a hash's input nests other hashes (a mapping of mappings hashes a hash): 0 for none. */
function nesting(use: KeccakUse): number {
  return use.kind === "symbolic" ? (use.input.sexpr().match(/keccak256_/g) ?? []).length : 0;
}

/**
 * For each symbolic hash nested at most `depth` deep: its input is what the model says and its
 * output the real keccak256 of that input (the solver is otherwise free to move the input away
 * from a weaker pin). A nested hash is pinned only in a later round, once the hashes inside its
 * input have their real values in the model.
 */
function hashPins(model: Assignment, path: Path, depth: number): Z3Bool[] {
  const { ctx } = z3Runtime();
  const pins: Z3Bool[] = [];
  for (const use of path.keccaks) {
    if (use.kind !== "symbolic" || nesting(use) > depth) continue;
    const input = model.value(use.input);
    const real = bytesToBigInt(keccak_256(bigIntToBytes(input, use.bits / 8)));
    pins.push(use.input.eq(ctx.BitVec.val(input, use.bits)), use.output.eq(ctx.BitVec.val(real, 256)));
  }
  return pins;
}

/** The inputs of the path's symbolic hashes, which `hashPins` reads from a model. */
function hashInputs(path: Path): Bv[] {
  return path.keccaks.flatMap((use) => (use.kind === "symbolic" ? [use.input] : []));
}

export type Confirmation =
  | { readonly kind: "confirmed"; readonly failure: string }
  | { readonly kind: "infeasible" }
  | { readonly kind: "unconfirmed"; readonly reason: string };

export async function confirmFailure(
  solver: Solver,
  path: Path,
  holds: true | Z3Bool,
  what: string,
  /** The terms `replay` reads from the model (calldata words, callers, values, storage). */
  inputs: readonly Bv[],
  /** Replays the model's inputs; the failure the replay shows, or undefined. */
  replay: (model: Assignment) => string | undefined,
): Promise<Confirmation> {
  const base = holds === true ? path.constraints : [...path.constraints, holds];
  const values = [...inputs, ...hashInputs(path)];
  for (const precision of ["abstract", "sharpened", "exact"] as const) {
    const share = precision === "exact" ? EXACT_QUERY_SHARE : 1;
    if (precision !== "abstract") portfolio().noteRefined();
    const verdict = await solver.check(base, path, { precision, share, values });
    if (verdict.kind === "unsat") {
      // Unsat is final unless the operands were narrowed.
      if (precision === "sharpened") continue;
      return { kind: "infeasible" };
    }
    if (verdict.kind === "unknown") {
      if (precision === "sharpened") continue;
      return { kind: "unconfirmed", reason: `no answer on a failing path (${what}) at pc ${path.location.pc}: ${verdict.reason}` };
    }
    let model = verdict.model;
    let failure = replay(model);
    // The model may give a hash a value keccak256 does not: pin the hashes to their real values
    // (the innermost first) and solve again.
    const deepest = Math.max(0, ...path.keccaks.map(nesting));
    for (let round = 0; failure === undefined && round < deepest + HASH_ROUNDS; round++) {
      const pins = hashPins(model, path, round);
      if (pins.length === 0) break;
      const pinned = await solver.check([...base, ...pins], path, { precision, share, values });
      if (pinned.kind !== "sat") break;
      model = pinned.model;
      failure = replay(model);
    }
    if (failure !== undefined) return { kind: "confirmed", failure };
    // Without abstractions the model was exact already.
    if (path.abstractions.length === 0) break;
  }
  return { kind: "unconfirmed", reason: `a failing path (${what}) did not replay concretely` };
}

/** Abstract calldata is first solved for at most this many bytes, so a counterexample stays short to read and replay. */
const SHORT_CALLDATA = 4096n;

/** The longest calldata a replay builds: a model that needs more is left unconfirmed. */
const LONGEST_REPLAY = 1n << 24n;

/**
 * `confirmFailure` for a path whose calldata is abstract (any length): the model's calldata is
 * the buffer's bytes up to the model's length. A short one is sought first; only if there is none
 * is the path solved without that preference (which is no constraint on the verdict).
 */
export async function confirmAbstractFailure(
  solver: Solver,
  path: Path,
  holds: true | Z3Bool,
  what: string,
  calldata: AbstractCalldata,
  /** Other terms `replay` reads from the model. */
  inputs: readonly Bv[],
  replay: (calldata: Uint8Array, model: Assignment) => string | undefined,
): Promise<{ confirmation: Confirmation; calldata: Uint8Array }> {
  const { ctx } = z3Runtime();
  let bytes: Uint8Array = new Uint8Array(0);
  const terms = [calldata.length, ...calldata.words, ...inputs];
  let tooLong = false;
  const run = (model: Assignment): string | undefined => {
    const length = model.value(calldata.length);
    tooLong = length > LONGEST_REPLAY;
    if (tooLong) return undefined;
    bytes = calldata.concrete(length, (word) => model.value(word));
    return replay(bytes, model);
  };
  const short = calldata.length.ule(ctx.BitVec.val(SHORT_CALLDATA, 256));
  const preferred = await confirmFailure(solver, path, holds === true ? short : ctx.And(holds, short), what, terms, run);
  if (preferred.kind !== "infeasible") return { confirmation: preferred, calldata: bytes };
  const any = await confirmFailure(solver, path, holds, what, terms, run);
  if (any.kind === "unconfirmed" && tooLong) {
    // Only calldata longer than a replay builds reaches the failure: say so rather than "did not replay".
    return { confirmation: { kind: "unconfirmed", reason: `a failing path (${what}) needs calldata longer than ${LONGEST_REPLAY} bytes, too long to replay` }, calldata: bytes };
  }
  return { confirmation: any, calldata: bytes };
}
