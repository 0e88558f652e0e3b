/**
 * Whether DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP and products over symbolic operands are built
 * as uninterpreted functions with lemmas, refined to their exact bit-vector terms only when a
 * model does not replay (the default), or as the exact terms from the start. `svm prove
 * --no-abstraction` turns the abstraction off, to compare the two (docs/prove.md gives figures).
 * One setting for the process, like the solver pool's size: it is chosen before any term is built.
 */
let abstraction = true;

export function setArithmeticAbstraction(on: boolean): void {
  abstraction = on;
}

export function arithmeticAbstraction(): boolean {
  return abstraction;
}
