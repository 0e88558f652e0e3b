/**
 * The abstract values of the stack interpretation: a constant when a PUSH put it there (jump
 * targets and return addresses are PUSHed tags in solc's code), and the set of sources the value
 * derives from (a bit mask), with a few derived facts a comparison or storage read adds.
 */

/** Sources and derived facts, as bits of `AbstractValue.taint`. */
export const Taint = {
  CALLER: 1 << 0,
  ORIGIN: 1 << 1,
  TIMESTAMP: 1 << 2,
  NUMBER: 1 << 3,
  BLOCKHASH: 1 << 4,
  PREVRANDAO: 1 << 5,
  COINBASE: 1 << 6,
  CALLVALUE: 1 << 7,
  STORAGE: 1 << 8,
  CALL_RESULT: 1 << 9,
  CALLDATA: 1 << 10,
  GAS: 1 << 11,
  RETURNDATA: 1 << 12,
  /** A storage read whose slot derives from CALLER: `admins[msg.sender]`, `balances[msg.sender]`. */
  CALLER_KEYED: 1 << 13,
  /** A comparison of CALLER with storage or a non-zero constant: `msg.sender == owner`. */
  CALLER_CHECK: 1 << 14,
  /** An equality of ORIGIN with something other than CALLER: `tx.origin == owner` (SWC-115). */
  ORIGIN_CHECK: 1 << 15,
  /**
   * A deploy-time constant: solc's runtime code holds PUSH32 zeros where the constructor writes an
   * immutable's value (a literal zero is never a PUSH32), e.g. an immutable owner.
   */
  IMMUTABLE: 1 << 16,
} as const;

/** Block values a miner or validator chooses or knows in advance (SWC-116, SWC-120). */
export const BLOCK_VALUES = Taint.TIMESTAMP | Taint.NUMBER | Taint.BLOCKHASH | Taint.PREVRANDAO | Taint.COINBASE;

/** A condition that restricts who gets past it. */
export const ACCESS_CHECK = Taint.CALLER_CHECK | Taint.CALLER_KEYED | Taint.ORIGIN_CHECK;

export interface AbstractValue {
  /** Known only for PUSHed constants moved around by DUP/SWAP, never for computed values. */
  readonly constant: bigint | undefined;
  readonly taint: number;
  /** Program counters of the calls whose success flag this value is (through DUP, SWAP and ISZERO pairs). */
  readonly calls: readonly number[];
  /** Program counters of the calls whose failure this value says (ISZERO of a success flag). */
  readonly failures: readonly number[];
  /** Constant storage slots this value was read from (SLOAD of a PUSHed slot). */
  readonly slots: readonly bigint[];
  /** The 4-byte selector, when this value compares the calldata's selector with a constant. */
  readonly selector: number | undefined;
}

const NONE: readonly never[] = [];

export const UNKNOWN: AbstractValue = { constant: undefined, taint: 0, calls: NONE, failures: NONE, slots: NONE, selector: undefined };

export function constant(value: bigint): AbstractValue {
  return { ...UNKNOWN, constant: value };
}

export function tainted(taint: number): AbstractValue {
  return taint === 0 ? UNKNOWN : { ...UNKNOWN, taint };
}

function union<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

/** The least upper bound: a constant survives only when both agree; sources and facts add up. */
export function join(a: AbstractValue, b: AbstractValue): AbstractValue {
  if (a === b) return a;
  const constantJoined = a.constant === b.constant ? a.constant : undefined;
  const selector = a.selector === b.selector ? a.selector : undefined;
  const calls = union(a.calls, b.calls);
  const failures = union(a.failures, b.failures);
  const slots = union(a.slots, b.slots);
  const taint = a.taint | b.taint;
  const same = constantJoined === a.constant && taint === a.taint && selector === a.selector;
  if (same && calls === a.calls && failures === a.failures && slots === a.slots) return a;
  return { constant: constantJoined, taint, calls, failures, slots, selector };
}

/** Whether a join changed nothing: the joined lists only grow, so their lengths tell. */
export function sameValue(a: AbstractValue, b: AbstractValue): boolean {
  return (
    a.constant === b.constant &&
    a.taint === b.taint &&
    a.selector === b.selector &&
    a.calls.length === b.calls.length &&
    a.failures.length === b.failures.length &&
    a.slots.length === b.slots.length
  );
}

/** A computed value: no constant, the operands' sources and facts (call flags are consumed, not carried, but by ISZERO). */
export function derived(operands: readonly AbstractValue[], extra = 0): AbstractValue {
  let taint = extra;
  let slots: readonly bigint[] = NONE;
  for (const o of operands) {
    taint |= o.taint;
    slots = union(slots, o.slots);
  }
  return { ...UNKNOWN, taint, slots };
}

/** `y` can hold an authorised address: a stored one, an immutable or a non-zero constant. */
function authority(y: AbstractValue): boolean {
  return (y.taint & (Taint.STORAGE | Taint.IMMUTABLE)) !== 0 || (y.constant !== undefined && y.constant !== 0n);
}

/**
 * The facts a comparison (EQ, LT, GT, SLT, SGT) of `a` and `b` establishes. `tx.origin ==
 * msg.sender` is neither check: it only says the caller is not a contract.
 */
export function compared(a: AbstractValue, b: AbstractValue, equality: boolean): AbstractValue {
  let extra = 0;
  const checks = (source: number, other: number) => (x: AbstractValue, y: AbstractValue) =>
    (x.taint & source) !== 0 && (y.taint & other) === 0 && authority(y);
  const callerCheck = checks(Taint.CALLER, Taint.ORIGIN);
  const originCheck = checks(Taint.ORIGIN, Taint.CALLER);
  if (callerCheck(a, b) || callerCheck(b, a)) extra |= Taint.CALLER_CHECK;
  if (equality && (originCheck(a, b) || originCheck(b, a))) extra |= Taint.ORIGIN_CHECK;
  const value = derived([a, b], extra);
  const selectorOf = (x: AbstractValue, y: AbstractValue) =>
    x.constant !== undefined && x.constant <= 0xffffffffn && (y.taint & Taint.CALLDATA) !== 0 ? Number(x.constant) : undefined;
  const selector = equality ? (selectorOf(a, b) ?? selectorOf(b, a)) : undefined;
  return selector === undefined ? value : { ...value, selector };
}

/** ISZERO: a success flag becomes a failure flag and back. */
export function negated(a: AbstractValue): AbstractValue {
  return { ...derived([a]), calls: a.failures, failures: a.calls };
}
