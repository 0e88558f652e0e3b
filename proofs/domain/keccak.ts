/**
 * keccak256 over symbolic bytes: concrete input is hashed for real; symbolic input goes through an
 * uninterpreted function per input length, and the path records every use so the solver can be
 * told the facts Solidity's storage layout relies on (see `hashAxioms`): different inputs have
 * different hashes (injectivity, collision resistance), and a hash is never a small number (so a
 * mapping entry never aliases a plain state variable).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigInt } from "../../spec/primitives/bytes.js";
import type { KeccakUse } from "../explore/path.js";
import { z3Runtime, type Bv, type Z3Bool } from "../z3/context.js";
import type { FuncDecl } from "z3-solver";
import { cellsToTerm, concreteCells, resolveCells, type Z3Bytes, type Z3Word } from "./terms.js";

const functions = new Map<number, FuncDecl<"svm">>();

function hashFunction(bits: number): FuncDecl<"svm"> {
  let declared = functions.get(bits);
  if (declared === undefined) {
    const { ctx } = z3Runtime();
    declared = ctx.Function.declare(`keccak256_${bits}`, ctx.BitVec.sort(bits), ctx.BitVec.sort(256));
    functions.set(bits, declared);
  }
  return declared;
}

export function keccakOf(unresolved: Z3Bytes, uses: KeccakUse[]): Z3Word {
  const bytes = resolveCells(unresolved);
  const concrete = concreteCells(bytes);
  const bits = 8 * bytes.length;
  if (concrete !== undefined) {
    const output = bytesToBigInt(keccak_256(concrete));
    if (bits > 0) uses.push({ kind: "concrete", bits, input: bytesToBigInt(concrete), output });
    return output;
  }
  const input = cellsToTerm(bytes);
  const output = hashFunction(bits).call(input) as Bv;
  uses.push({ kind: "symbolic", bits, input, output });
  return output;
}

/** Smallest value a symbolic hash may take: real keccak256 outputs below it are never met. */
const SMALLEST_HASH = 1n << 128n;

/** Largest value a symbolic hash may take, so that a slot at a hash plus an offset below 2^128 never wraps around to a small slot. */
const LARGEST_HASH = (1n << 256n) - (1n << 128n);

/**
 * The facts about every pair of recorded hashes, and the range of every symbolic one. Two different
 * hashes are at least 2^128 apart (modulo 2^256): two real keccak256 outputs closer than that are a
 * near-collision never met. So the slots of two arrays, structs or mapping entries (a hash plus an
 * offset below 2^128) never overlap unless the code makes them.
 */
export function hashAxioms(uses: readonly KeccakUse[]): Z3Bool[] {
  const { ctx } = z3Runtime();
  // x - y lies in [2^128, 2^256 - 2^128): its top 128 bits are neither all zeros nor all ones
  // (one subtraction, where comparing both differences with the gap would take two).
  const top = (x: Bv) => x.extract(255, 128);
  const far = (x: Bv, y: Bv) => {
    const difference = top(x.sub(y));
    return ctx.And(ctx.Not(difference.eq(ctx.BitVec.val(0n, 128))), ctx.Not(difference.eq(ctx.BitVec.val((1n << 128n) - 1n, 128))));
  };
  // A hash computed again (the same read twice) is the same term: one set of facts is enough.
  const seen = new Set<string>();
  const distinct = uses.filter((use) => {
    const key = use.kind === "symbolic" ? `s${use.output.id()}` : `c${use.bits}:${use.input}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const symbolic = distinct.filter((use) => use.kind === "symbolic");
  const axioms: Z3Bool[] = [];
  for (const use of symbolic) axioms.push(use.output.uge(ctx.BitVec.val(SMALLEST_HASH, 256)), use.output.ult(ctx.BitVec.val(LARGEST_HASH, 256)));
  symbolic.forEach((a, i) => {
    for (const b of distinct) {
      // Each pair of symbolic uses once; a symbolic use against every concrete one.
      if (b.kind === "symbolic" && symbolic.indexOf(b) <= i) continue;
      const otherOutput = b.kind === "concrete" ? ctx.BitVec.val(b.output, 256) : b.output;
      if (a.bits !== b.bits) {
        axioms.push(far(a.output, otherOutput));
        continue;
      }
      const otherInput = b.kind === "concrete" ? ctx.BitVec.val(b.input, b.bits) : b.input;
      // Injective and spread out: different inputs have hashes far apart. Against a hash computed
      // concretely, also a function: the input that is its preimage has exactly that hash (for two
      // applications of the function Z3 knows it already).
      axioms.push(ctx.Or(a.input.eq(otherInput), far(a.output, otherOutput)));
      if (b.kind === "concrete") axioms.push(ctx.Implies(a.input.eq(otherInput), a.output.eq(otherOutput)));
    }
  });
  return axioms;
}
