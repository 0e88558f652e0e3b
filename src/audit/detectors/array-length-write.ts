/**
 * array-length-write — a storage array's length decremented without a check.
 *
 * Finds: `arr.length--` or `arr.length -= n` on a storage array (allowed before 0.6) in a public
 *   or external function any account can call, with no earlier condition that rules out a zero length (`arr.length > 0`;
 *   `0 <= arr.length` is always true): at length 0 it wraps to
 *   2^256 − 1, and `arr[i] = v` can then write any storage slot, the owner's included. Likewise
 *   `arr.length = x` with `x` taken from an argument.
 * SWC: SWC-124 (Write to Arbitrary Storage Location). Category: access_control.
 * Severity: high. Confidence: medium.
 * Recommendation: use `pop()` (0.5 and later), or require a non-zero length before decrementing.
 */
import { type AstNode, descendants, field, srcStart, text } from "../analysis/ast.js";
import { callerRestricted } from "../analysis/access.js";
import { isParameter } from "../analysis/expressions.js";
import { conditions } from "../analysis/flow.js";
import type { Program } from "../analysis/model.js";
import type { SourceText } from "../analysis/source.js";
import { normaliseCode } from "../analysis/source.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

/** The `x.length` a node decrements, if it is `x.length--`, `--x.length` or `x.length -= n`. */
function decrementedLength(node: AstNode): AstNode | undefined {
  const target =
    node.nodeType === "UnaryOperation" && text(node, "operator") === "--"
      ? field(node, "subExpression")
      : node.nodeType === "Assignment" && text(node, "operator") === "-="
        ? field(node, "leftHandSide")
        : undefined;
  return target?.nodeType === "MemberAccess" && text(target, "memberName") === "length" ? target : undefined;
}

/** `arr.length = x` (before 0.6) with `x` from an argument: the caller sizes the array over any slot. */
function setsLengthFromArgument(node: AstNode, program: Program): boolean {
  if (node.nodeType !== "Assignment" || text(node, "operator") !== "=") return false;
  const target = field(node, "leftHandSide");
  const value = field(node, "rightHandSide");
  if (target?.nodeType !== "MemberAccess" || text(target, "memberName") !== "length" || value === undefined) return false;
  return descendants(value).some((n) => isParameter(n, program));
}

/** The literal's value, when the node is a number literal. */
function literalValue(node: AstNode | undefined): bigint | undefined {
  if (node?.nodeType !== "Literal" || node.kind !== "number") return undefined;
  try {
    return BigInt(String(node.value));
  } catch {
    return undefined;
  }
}

/**
 * A comparison that rules out a zero length: `len > 0`, `len >= 1`, `len != 0`, `0 < len`
 * (`0 <= len`, always true, does not).
 */
function excludesZero(comparison: AstNode, wanted: string, source: SourceText): boolean {
  const left = field(comparison, "leftExpression");
  const right = field(comparison, "rightExpression");
  if (left === undefined || right === undefined) return false;
  const flip: Record<string, string> = { ">": "<", ">=": "<=", "<": ">", "<=": ">=", "!=": "!=", "==": "==" };
  const operator = text(comparison, "operator") ?? "";
  const [op, bound] = normaliseCode(source.textOf(left)) === wanted
    ? [operator, literalValue(right)]
    : normaliseCode(source.textOf(right)) === wanted
      ? [flip[operator] ?? "", literalValue(left)]
      : ["", undefined];
  if (bound === undefined) return false;
  return (op === ">" && bound >= 0n) || (op === ">=" && bound >= 1n) || (op === "!=" && bound === 0n);
}

function checkedBefore(length: AstNode, point: AstNode, guards: readonly AstNode[], source: SourceText): boolean {
  const wanted = normaliseCode(source.textOf(length));
  return guards.some(
    (g) => srcStart(g) < srcStart(point) && descendants(g).some((n) => n.nodeType === "BinaryOperation" && excludesZero(n, wanted, source)),
  );
}

export const arrayLengthWrite: Detector = {
  info: {
    id: "array-length-write",
    title: "Array length decremented without a check",
    swc: "SWC-124",
    category: "access_control",
    severity: "high",
    confidence: "medium",
    description:
      "Decrementing an empty storage array's length wraps it to 2^256 - 1; every storage slot is then an element of the array, and writing one overwrites any state variable.",
    recommendation: "Use pop(), or require(arr.length > 0) before decrementing the length.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (!fn.callable || callerRestricted(fn, program)) continue;
      const guards = conditions(fn.body, program);
      for (const node of descendants(fn.body)) {
        if (setsLengthFromArgument(node, program)) {
          hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} sets an array length the caller chooses` });
          continue;
        }
        const length = decrementedLength(node);
        if (length === undefined || checkedBefore(length, node, guards, fn.contract.source)) continue;
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} decrements an array length that may be 0` });
      }
    }
    return hits;
  },
};
