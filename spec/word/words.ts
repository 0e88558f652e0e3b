/**
 * The word domain: what the opcode rules may do with 256-bit words and byte strings.
 *
 * The rules are written against this interface, never against `bigint` directly, so the same
 * rules run concretely (`concrete.ts`, for conformance) and symbolically (Z3 bit-vectors, in
 * proofs/). Quantities that shape the machine itself — memory offsets and sizes, jump targets,
 * call gas, addresses — must be concrete; `need` asks the domain for such a value and a symbolic
 * domain may refuse with an `UnsupportedSymbolic` error naming what was asked.
 */
export interface Words<W, B> {
  /** A word from a constant (taken modulo 2^256 by the caller's contract: 0 <= value < 2^256). */
  constant(value: bigint): W;
  /** The word as a concrete integer, if it is one. */
  concrete(word: W): bigint | undefined;
  /** The word as a concrete integer that the machine needs (an offset, a size, a jump target). */
  need(word: W, what: string): bigint;

  // Arithmetic (Yellow Paper, Appendix H.2, 0x01-0x0b), all modulo 2^256.
  add(a: W, b: W): W;
  sub(a: W, b: W): W;
  mul(a: W, b: W): W;
  div(a: W, b: W): W;
  sdiv(a: W, b: W): W;
  mod(a: W, b: W): W;
  smod(a: W, b: W): W;
  addmod(a: W, b: W, n: W): W;
  mulmod(a: W, b: W, n: W): W;
  exp(base: W, exponent: W): W;
  signextend(byteIndex: W, value: W): W;

  // Comparison and bitwise logic (0x10-0x1d); predicates yield 1 or 0.
  lt(a: W, b: W): W;
  gt(a: W, b: W): W;
  slt(a: W, b: W): W;
  sgt(a: W, b: W): W;
  eq(a: W, b: W): W;
  iszero(a: W): W;
  and(a: W, b: W): W;
  or(a: W, b: W): W;
  xor(a: W, b: W): W;
  not(a: W): W;
  byte(index: W, value: W): W;
  shl(shift: W, value: W): W;
  shr(shift: W, value: W): W;
  sar(shift: W, value: W): W;

  /** Whether the word is non-zero, for JUMPI; a symbolic domain forks the path instead. */
  truthy(word: W): boolean;

  // Byte strings (calldata, return data, memory slices, code).
  bytes(concrete: Uint8Array): B;
  length(bytes: B): number;
  /**
   * The length as a word (CALLDATASIZE, RETURNDATASIZE): `length` as a constant, except in a
   * symbolic domain whose byte strings may have a symbolic length (hevm's abstract calldata).
   */
  size(bytes: B): W;
  /** `size` bytes from `offset`, zero-filled past the end (the CALLDATALOAD/CODECOPY rule). */
  slice(bytes: B, offset: W, size: number): B;
  /** The byte string as concrete bytes, if it is. */
  concreteBytes(bytes: B): Uint8Array | undefined;
  /** The 32-byte big-endian encoding of a word. */
  toBytes(word: W): B;
  /** The word whose big-endian encoding is these 32 bytes. */
  fromBytes(bytes: B): W;
  keccak256(bytes: B): W;
}

/** A symbolic domain could not give a concrete value the machine needs. */
export class UnsupportedSymbolic extends Error {
  readonly code = "UNSUPPORTED_SYMBOLIC";
}

/** The names of the two-operand word operations, for rules that share one shape. */
export type BinaryOp =
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "sdiv"
  | "mod"
  | "smod"
  | "exp"
  | "signextend"
  | "lt"
  | "gt"
  | "slt"
  | "sgt"
  | "eq"
  | "and"
  | "or"
  | "xor"
  | "byte"
  | "shl"
  | "shr"
  | "sar";
