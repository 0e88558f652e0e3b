/**
 * Foundry's `vm.assert*` cheatcodes (Vm.sol's assertTrue … assertApproxEqRelDecimal), which
 * forge-std v1.8+ StdAssertions calls for every assertEq/assertTrue/assertGt/…: each holds or
 * fails with forge's message (foundry crates/cheatcodes/src/test/assert.rs): `assertion failed`,
 * or the test's own message, then `: ` and the operands, e.g. `x mod 7 must be 3: 4 != 3`.
 *
 * Written over any word domain: the condition is one word (0 or 1) built from the operands, and
 * `truthy` on it forks the path when it is symbolic, as JUMPI does. Operands the failing path
 * leaves symbolic are shown as `<symbolic>`; the concrete replay of a counterexample gives the
 * message with its values.
 */
import type { Words } from "../spec/word/words.js";
import { bytesToHex } from "../spec/primitives/bytes.js";
import { checksummed } from "./cheatcode-values.js";

type ValueType = "bool" | "uint256" | "int256" | "address" | "bytes32" | "string" | "bytes";
type ArrayType = "bool[]" | "uint256[]" | "int256[]" | "address[]" | "bytes32[]" | "string[]" | "bytes[]";
type AbiType = ValueType | ArrayType;

/** An argument as the cheatcode reads it from its calldata. */
type Operand<W, B> = { readonly kind: "word"; readonly word: W } | { readonly kind: "bytes"; readonly bytes: B } | { readonly kind: "array"; readonly items: readonly Operand<W, B>[] };

/** What an assertion checks: the condition (a word, 0 or 1), and what the failure shows after the prefix, if anything. */
interface Check<W> {
  readonly holds: W;
  readonly explain?: () => string;
}

/** An assertion cheatcode: its parameters (without the optional message) and its check. */
interface Assertion {
  readonly name: string;
  readonly params: readonly AbiType[];
  check<W, B>(words: Words<W, B>, args: readonly Operand<W, B>[]): Check<W>;
}

/** forge's prefix when the test gives no message of its own (foundry crates/evm/core/src/decode.rs). */
export const ASSERTION_FAILED = "assertion failed";

const SYMBOLIC = "<symbolic>";
const TWO_256 = 1n << 256n;

/** The inverse operator forge prints between the operands: the relation that does hold. */
const COMPARISONS = {
  Eq: "!=",
  NotEq: "==",
  Gt: "<=",
  Ge: "<",
  Lt: ">=",
  Le: ">",
} as const;
type Comparison = keyof typeof COMPARISONS;

const EQUALITY_TYPES: readonly AbiType[] = ["bool", "uint256", "int256", "address", "bytes32", "string", "bytes", "uint256[]", "int256[]", "address[]", "bytes32[]", "bool[]", "string[]", "bytes[]"];
const NUMBER_TYPES = ["uint256", "int256"] as const;

/** 1 when the word is non-zero, else 0. */
function bit<W, B>(words: Words<W, B>, word: W): W {
  return words.iszero(words.iszero(word));
}

/** `condition ? a : b` without forking the path: b xor ((a xor b) and mask), the mask all ones when condition is 1. */
function select<W, B>(words: Words<W, B>, condition: W, a: W, b: W): W {
  const mask = words.sub(words.constant(0n), condition);
  return words.xor(b, words.and(words.xor(a, b), mask));
}

function all<W, B>(words: Words<W, B>, conditions: readonly W[]): W {
  return conditions.reduce((acc, c) => words.and(acc, c), words.constant(1n));
}

/** Whether two operands of the same type are equal, as a word: byte strings by length and 32-byte chunks, arrays element-wise. */
function equal<W, B>(words: Words<W, B>, a: Operand<W, B>, b: Operand<W, B>): W {
  if (a.kind === "word" && b.kind === "word") return words.eq(a.word, b.word);
  if (a.kind === "bytes" && b.kind === "bytes") {
    const length = words.length(a.bytes);
    if (words.length(b.bytes) !== length) return words.constant(0n);
    const chunks: W[] = [];
    for (let offset = 0; offset < length; offset += 32) {
      const chunk = (bytes: B) => words.fromBytes(words.slice(bytes, words.constant(BigInt(offset)), 32));
      chunks.push(words.eq(chunk(a.bytes), chunk(b.bytes)));
    }
    return all(words, chunks);
  }
  if (a.kind === "array" && b.kind === "array") {
    if (a.items.length !== b.items.length) return words.constant(0n);
    return all(words, a.items.map((item, i) => equal(words, item, b.items[i]!)));
  }
  throw new TypeError("operands of different kinds");
}

const signed = (value: bigint): bigint => (value >> 255n === 1n ? value - TWO_256 : value);

/** alloy's format_units, as forge prints Decimal operands: 77 decimals at most, else the plain integer. */
export function formatUnits(value: bigint, decimals: bigint): string {
  const sign = value < 0n ? "-" : "";
  const magnitude = value < 0n ? -value : value;
  // forge saturates the decimals to a byte; alloy's Unit takes at most 77.
  if (decimals > 77n) return `${sign}${magnitude}`;
  const unit = 10n ** decimals;
  return `${sign}${magnitude / unit}.${(magnitude % unit).toString().padStart(Number(decimals), "0")}`;
}

/** An operand as forge's Display shows it: decimal numbers, EIP-55 addresses, hex bytes, `[a, b]` arrays. */
function display<W, B>(words: Words<W, B>, type: AbiType, operand: Operand<W, B>): string {
  if (operand.kind === "array") {
    const element = type.slice(0, -2) as ValueType;
    return `[${operand.items.map((item) => display(words, element, item)).join(", ")}]`;
  }
  if (operand.kind === "bytes") {
    const bytes = words.concreteBytes(operand.bytes);
    if (bytes === undefined) return SYMBOLIC;
    return type === "string" ? new TextDecoder().decode(bytes) : bytesToHex(bytes);
  }
  const value = words.concrete(operand.word);
  if (value === undefined) return SYMBOLIC;
  switch (type) {
    case "bool":
      return value === 0n ? "false" : "true";
    case "int256":
      return signed(value).toString();
    case "address":
      return checksummed(value);
    case "bytes32":
      return `0x${value.toString(16).padStart(64, "0")}`;
    default:
      return value.toString();
  }
}

/** A number operand with decimals, as forge's format_with_decimals shows it. */
function displayDecimal<W, B>(words: Words<W, B>, type: "uint256" | "int256", word: W, decimals: W): string {
  const value = words.concrete(word);
  const places = words.concrete(decimals);
  if (value === undefined || places === undefined) return SYMBOLIC;
  return formatUnits(type === "int256" ? signed(value) : value, places);
}

function compare<W, B>(words: Words<W, B>, comparison: Comparison, type: AbiType, a: Operand<W, B>, b: Operand<W, B>): W {
  if (comparison === "Eq") return equal(words, a, b);
  if (comparison === "NotEq") return words.iszero(equal(words, a, b));
  if (a.kind !== "word" || b.kind !== "word") throw new TypeError("ordering of non-words");
  const [lt, gt] = type === "int256" ? [words.slt, words.sgt] : [words.lt, words.gt];
  switch (comparison) {
    case "Gt":
      return gt(a.word, b.word);
    case "Ge":
      return words.iszero(lt(a.word, b.word));
    case "Lt":
      return lt(a.word, b.word);
    case "Le":
      return words.iszero(gt(a.word, b.word));
  }
}

const wordOf = <W, B>(operand: Operand<W, B> | undefined): W => {
  if (operand?.kind !== "word") throw new TypeError("a word operand expected");
  return operand.word;
};

function comparisons(): Assertion[] {
  const list: Assertion[] = [];
  for (const comparison of Object.keys(COMPARISONS) as Comparison[]) {
    const equality = comparison === "Eq" || comparison === "NotEq";
    for (const type of equality ? EQUALITY_TYPES : NUMBER_TYPES) {
      list.push({
        name: `assert${comparison}`,
        params: [type, type],
        check: (words, [a, b]) => ({
          holds: compare(words, comparison, type, a!, b!),
          explain: () => `${display(words, type, a!)} ${COMPARISONS[comparison]} ${display(words, type, b!)}`,
        }),
      });
    }
    for (const type of NUMBER_TYPES) {
      list.push({
        name: `assert${comparison}Decimal`,
        params: [type, type, "uint256"],
        check: (words, [a, b, decimals]) => ({
          holds: compare(words, comparison, type, a!, b!),
          explain: () => `${displayDecimal(words, type, wordOf(a), wordOf(decimals))} ${COMPARISONS[comparison]} ${displayDecimal(words, type, wordOf(b), wordOf(decimals))}`,
        }),
      });
    }
  }
  return list;
}

/** |a - b| as a word, which it always fits (for int256 too: forge's get_delta_int is the mathematical distance). */
function distance<W, B>(words: Words<W, B>, type: "uint256" | "int256", a: W, b: W): W {
  const below = type === "int256" ? words.slt(a, b) : words.lt(a, b);
  return select(words, below, words.sub(b, a), words.sub(a, b));
}

function concreteDistance(type: "uint256" | "int256", a: bigint, b: bigint): bigint {
  const [x, y] = type === "int256" ? [signed(a), signed(b)] : [a, b];
  return x > y ? x - y : y - x;
}

function approxEqAbs(type: "uint256" | "int256", decimal: boolean): Assertion {
  return {
    name: decimal ? "assertApproxEqAbsDecimal" : "assertApproxEqAbs",
    params: decimal ? [type, type, "uint256", "uint256"] : [type, type, "uint256"],
    check: (words, args) => {
      const [a, b, maxDelta, decimals] = args.map(wordOf);
      return {
        holds: words.iszero(words.gt(distance(words, type, a!, b!), maxDelta!)),
        explain: () => {
          const [left, right, max, places] = [a!, b!, maxDelta!, decimals].map((w) => (w === undefined ? undefined : words.concrete(w)));
          if (left === undefined || right === undefined || max === undefined) return `${SYMBOLIC} !~= ${SYMBOLIC}`;
          const delta = concreteDistance(type, left, right);
          const show = (value: bigint) => (places === undefined ? value.toString() : formatUnits(value, places));
          const operand = (value: bigint) => show(type === "int256" ? signed(value) : value);
          return `${operand(left)} !~= ${operand(right)} (max delta: ${show(max)}, real delta: ${show(delta)})`;
        },
      };
    },
  };
}

/** forge's relative deltas are fixed-point with 18 decimals (10^18 is 100%), shown as a percentage with 16. */
const REL_DELTA_ONE = 10n ** 18n;
const percent = (delta: bigint): string => `${formatUnits(delta, 16n)}%`;

/** The 512-bit product a·b as (high, low) words: low = a·b mod 2^256, high from mulmod by 2^256 - 1 (the Chinese remainder trick). */
function fullProduct<W, B>(words: Words<W, B>, a: W, b: W): [W, W] {
  const low = words.mul(a, b);
  const modMax = words.mulmod(a, b, words.not(words.constant(0n)));
  return [words.sub(words.sub(modMax, low), words.lt(modMax, low)), low];
}

/**
 * assertApproxEqRel: with right = 0 only left = 0 holds; else the relative delta
 * floor(|left - right| · 10^18 / |right|) must not exceed the maximum. Compared in 512 bits
 * without division: floor(P / r) <= m exactly when P <= m·r + r - 1.
 */
function approxEqRel(type: "uint256" | "int256", decimal: boolean): Assertion {
  return {
    name: decimal ? "assertApproxEqRelDecimal" : "assertApproxEqRel",
    params: decimal ? [type, type, "uint256", "uint256"] : [type, type, "uint256"],
    check: (words, args) => {
      const [a, b, maxDelta, decimals] = args.map(wordOf);
      const zero = words.constant(0n);
      const magnitude = type === "int256" ? select(words, words.slt(b!, zero), words.sub(zero, b!), b!) : b!;
      const [productHigh, productLow] = fullProduct(words, distance(words, type, a!, b!), words.constant(REL_DELTA_ONE));
      const [boundHigh, boundLow] = fullProduct(words, maxDelta!, magnitude);
      const low = words.add(boundLow, words.sub(magnitude, words.constant(1n)));
      const high = words.add(boundHigh, words.lt(low, boundLow));
      const within = words.or(words.lt(productHigh, high), words.and(words.eq(productHigh, high), words.iszero(words.gt(productLow, low))));
      const rightZero = words.iszero(b!);
      return {
        holds: select(words, rightZero, words.iszero(a!), within),
        explain: () => {
          const [left, right, max, places] = [a!, b!, maxDelta!, decimals].map((w) => (w === undefined ? undefined : words.concrete(w)));
          if (left === undefined || right === undefined || max === undefined) return `${SYMBOLIC} !~= ${SYMBOLIC}`;
          const r = type === "int256" ? (signed(right) < 0n ? -signed(right) : right) : right;
          const delta = r === 0n ? undefined : (concreteDistance(type, left, right) * REL_DELTA_ONE) / r;
          if (delta !== undefined && delta >= TWO_256) return "overflow in delta calculation";
          const operand = (value: bigint) => {
            const v = type === "int256" ? signed(value) : value;
            return places === undefined ? v.toString() : formatUnits(v, places);
          };
          return `${operand(left)} !~= ${operand(right)} (max delta: ${percent(max)}, real delta: ${delta === undefined ? "undefined" : percent(delta)})`;
        },
      };
    },
  };
}

const ASSERTIONS: readonly Assertion[] = [
  { name: "assertTrue", params: ["bool"], check: (words, [c]) => ({ holds: bit(words, wordOf(c)) }) },
  { name: "assertFalse", params: ["bool"], check: (words, [c]) => ({ holds: words.iszero(wordOf(c)) }) },
  ...comparisons(),
  ...NUMBER_TYPES.flatMap((type) => [approxEqAbs(type, false), approxEqAbs(type, true), approxEqRel(type, false), approxEqRel(type, true)]),
];

/** Reads the cheatcode's ABI-encoded arguments (after the selector); offsets and lengths must be concrete. */
function readArguments<W, B>(words: Words<W, B>, data: B, types: readonly AbiType[], what: string): Operand<W, B>[] {
  const wordAt = (offset: bigint): W => words.fromBytes(words.slice(data, words.constant(4n + offset), 32));
  const bytesAt = (offset: bigint): B => {
    const length = words.need(wordAt(offset), `${what} bytes length`);
    return words.slice(data, words.constant(4n + offset + 32n), Number(length));
  };
  const dynamic = (type: ValueType) => type === "string" || type === "bytes";
  return types.map((type, i) => {
    const head = 32n * BigInt(i);
    if (!type.endsWith("[]")) return dynamic(type as ValueType) ? { kind: "bytes", bytes: bytesAt(words.need(wordAt(head), `${what} offset`)) } : { kind: "word", word: wordAt(head) };
    const element = type.slice(0, -2) as ValueType;
    const start = words.need(wordAt(head), `${what} offset`);
    const length = words.need(wordAt(start), `${what} array length`);
    const base = start + 32n;
    const items: Operand<W, B>[] = [];
    for (let k = 0n; k < length; k++) {
      const slot = base + 32n * k;
      items.push(dynamic(element) ? { kind: "bytes", bytes: bytesAt(base + words.need(wordAt(slot), `${what} offset`)) } : { kind: "word", word: wordAt(slot) });
    }
    return { kind: "array", items };
  });
}

/**
 * Checks an assertion cheatcode's call: undefined when it holds, else forge's message. The
 * condition is tested with `truthy`, so a symbolic one forks the path.
 */
export type AssertionCheatcode = <W, B>(words: Words<W, B>, data: B) => string | undefined;

/** Every vm.assert* cheatcode by its canonical signature, each with and without the trailing message argument. */
export const ASSERTION_CHEATCODES: ReadonlyMap<string, AssertionCheatcode> = new Map(
  ASSERTIONS.flatMap((assertion) =>
    [false, true].map((withMessage): [string, AssertionCheatcode] => {
      const params = withMessage ? [...assertion.params, "string" as const] : assertion.params;
      const signature = `${assertion.name}(${params.join(",")})`;
      return [
        signature,
        (words, data) => {
          const args = readArguments(words, data, params, `vm.${assertion.name}`);
          const check = assertion.check(words, args.slice(0, assertion.params.length));
          if (words.truthy(check.holds)) return undefined;
          const custom = withMessage ? args.at(-1) : undefined;
          const prefix = custom === undefined ? ASSERTION_FAILED : display(words, "string", custom);
          return check.explain === undefined ? prefix : `${prefix}: ${check.explain()}`;
        },
      ];
    }),
  ),
);
