/**
 * integer-overflow — unchecked integer arithmetic before Solidity 0.8.
 *
 * Finds: `+`, `-`, `*` (and `+=`, `-=`, `*=`, `++`, `--`) on integers compiled by solc < 0.8.0,
 *   where arithmetic wraps silently (`unchecked` blocks of 0.8: unchecked-block-arithmetic.ts), with no guard: for `a - b`, no
 *   condition known to hold there that says `a >= b` (a require before it, an enclosing if, an
 *   earlier `if (a < b) revert()`; a comparison the wrong way round guards nothing); for `a + b`
 *   and `a * b`, no comparison of the result with an operand (SafeMath's `require(c >= a)`,
 *   `require(c / a == b)`, or `a + b >= a` before). Not flagged, because they cannot wrap in
 *   practice: constant expressions; `+ 1`/`++` on 256-bit counters (not on a caller's argument)
 *   and a for loop's step (2^256 increments, or a loop bounded by its condition); a 256-bit value
 *   times a literal below 2^64 or a constant expression (a decimals scale); a sum of ether amounts
 *   (msg.value: all the ether there is fits in 2^87); the block number or timestamp minus
 *   something (they only grow); `a - a / k`; an array index (out-of-range indexes revert); a total
 *   reduced by what a balance was just reduced by under a guard (the total is at least the
 *   balance); code in constructors (the deployer picks those operands) and in public view/pure
 *   functions (a wrapped result there changes no state).
 * SWC: SWC-101 (Integer Overflow and Underflow). Category: arithmetic.
 * Severity: medium. Confidence: medium.
 * Recommendation: use SafeMath (or compile with Solidity ≥ 0.8, which reverts on overflow), or
 *   check the operands first: require(a >= b) before a - b.
 */
import { type AstNode, contains, descendants, field, list, srcEnd, srcStart, text, typeString } from "../analysis/ast.js";
import { conditions, isExit, statementsOf } from "../analysis/flow.js";
import type { FunctionModel, Program } from "../analysis/model.js";
import { normaliseCode, type SourceText } from "../analysis/source.js";
import { builtinCallName, isBlockValue, isConstantExpression, isMsgValue, isParameter } from "../analysis/expressions.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

interface Operation {
  readonly node: AstNode;
  readonly operator: "+" | "-" | "*";
  readonly left: AstNode;
  readonly right: AstNode | undefined;
  /** What holds the result: the assignment's target or the declared variable. */
  readonly result: AstNode | undefined;
}

function operationOf(node: AstNode, parentResult: AstNode | undefined): Operation | undefined {
  const operator = text(node, "operator") ?? "";
  if (node.nodeType === "BinaryOperation" && ["+", "-", "*"].includes(operator)) {
    const left = field(node, "leftExpression");
    if (left === undefined) return undefined;
    return { node, operator: operator as "+" | "-" | "*", left, right: field(node, "rightExpression"), result: parentResult };
  }
  if (node.nodeType === "Assignment" && ["+=", "-=", "*="].includes(operator)) {
    const left = field(node, "leftHandSide");
    if (left === undefined) return undefined;
    return { node, operator: operator[0] as "+" | "-" | "*", left, right: field(node, "rightHandSide"), result: left };
  }
  if (node.nodeType === "UnaryOperation" && (operator === "++" || operator === "--")) {
    const left = field(node, "subExpression");
    if (left === undefined) return undefined;
    return { node, operator: operator === "++" ? "+" : "-", left, right: undefined, result: left };
  }
  return undefined;
}

/** Where the value of `a op b` goes, when it is assigned or declared directly. */
function resultHolders(body: AstNode): Map<AstNode, AstNode> {
  const holders = new Map<AstNode, AstNode>();
  for (const node of descendants(body)) {
    if (node.nodeType === "Assignment" && text(node, "operator") === "=") {
      const value = field(node, "rightHandSide");
      const target = field(node, "leftHandSide");
      if (value !== undefined && target !== undefined) holders.set(value, target);
    } else if (node.nodeType === "VariableDeclarationStatement") {
      const value = field(node, "initialValue");
      const [declaration] = Array.isArray(node.declarations) ? (node.declarations as AstNode[]) : [];
      if (value !== undefined && declaration) holders.set(value, declaration);
    }
  }
  return holders;
}

function isInteger(node: AstNode): boolean {
  return /^u?int\d*$/.test(typeString(node));
}

function isOne(node: AstNode | undefined): boolean {
  return node === undefined || (node.nodeType === "Literal" && String(node.value) === "1");
}

function code(node: AstNode, source: SourceText): string {
  return node.nodeType === "VariableDeclaration" ? String(node.name) : normaliseCode(source.textOf(node));
}

const compact = (s: string) => s.replace(/\s+/g, "");

/**
 * The names an expression goes by in the function: its own text, and the local variables
 * initialised with it (`uint allowance = allowed[from][msg.sender]` makes `allowance` an alias).
 */
function aliasesIn(body: AstNode, source: SourceText): (text: string) => string[] {
  const aliases = new Map<string, Set<string>>();
  const add = (a: string, b: string) => aliases.set(a, (aliases.get(a) ?? new Set()).add(b));
  for (const statement of descendants(body)) {
    if (statement.nodeType !== "VariableDeclarationStatement") continue;
    const value = field(statement, "initialValue");
    const [declaration] = Array.isArray(statement.declarations) ? (statement.declarations as AstNode[]) : [];
    if (value === undefined || !declaration) continue;
    const valueText = compact(normaliseCode(source.textOf(value)));
    add(valueText, String(declaration.name));
    add(String(declaration.name), valueText);
  }
  return (text) => [compact(text), ...(aliases.get(compact(text)) ?? [])];
}

/** Does a comparison in `guard` relate `a` and `b` (some name of each appears in it)? */
function relates(guard: AstNode, a: string[], b: string[], source: SourceText): boolean {
  const guardText = compact(normaliseCode(source.textOf(guard)));
  return a.some((x) => guardText.includes(x)) && b.some((y) => guardText.includes(y));
}

/**
 * The conditions known to hold where `op` runs: `positive` ones (require/assert before it, the
 * condition of an if or loop whose body holds it) and `negative` ones (an if before it whose body
 * leaves the function, so its condition is false after it; an if whose else branch holds it).
 */
function knownConditions(op: Operation, body: AstNode, program: Program): { positive: AstNode[]; negative: AstNode[] } {
  const positive: AstNode[] = [];
  const negative: AstNode[] = [];
  for (const node of descendants(body)) {
    const builtin = builtinCallName(node, program);
    if ((builtin === "require" || builtin === "assert") && srcEnd(node) <= srcStart(op.node)) {
      const condition = list(node, "arguments")[0];
      if (condition !== undefined) positive.push(condition);
      continue;
    }
    const condition = field(node, "condition");
    if (condition === undefined) continue;
    const inside = (branch: AstNode | undefined) => branch !== undefined && contains(branch, op.node);
    if (node.nodeType === "IfStatement") {
      if (inside(field(node, "trueBody"))) positive.push(condition);
      else if (inside(field(node, "falseBody"))) negative.push(condition);
      else if (srcEnd(node) <= srcStart(op.node) && statementsOf(field(node, "trueBody")).some((st) => isExit(st, program))) {
        negative.push(condition);
      }
    } else if (["WhileStatement", "ForStatement"].includes(node.nodeType) && inside(field(node, "body"))) {
      positive.push(condition);
    }
  }
  return { positive, negative };
}

/**
 * `a - b` is guarded when a known condition says `a >= b`: `a >= b`, `a > b`, `b <= a`, `b < a`,
 * `a == b` holding, or `a < b`, `a <= b`, `b > a`, `b >= a` false. A comparison the wrong way round
 * (`require(v >= balance)` before `balance - v`) guards nothing.
 */
function subtractionGuarded(op: Operation, body: AstNode, program: Program, source: SourceText, a: string[], b: string[]): boolean {
  const { positive, negative } = knownConditions(op, body, program);
  const says = (condition: AstNode, holds: boolean) =>
    descendants(condition).some((n) => {
      if (n.nodeType !== "BinaryOperation") return false;
      const operator = text(n, "operator") ?? "";
      const left = field(n, "leftExpression");
      const right = field(n, "rightExpression");
      if (left === undefined || right === undefined) return false;
      const l = compact(normaliseCode(source.textOf(left)));
      const r = compact(normaliseCode(source.textOf(right)));
      const aFirst = a.includes(l) && b.includes(r);
      const bFirst = b.includes(l) && a.includes(r);
      if (holds) return (aFirst && [">=", ">", "=="].includes(operator)) || (bFirst && ["<=", "<", "=="].includes(operator));
      return (aFirst && ["<", "<="].includes(operator)) || (bFirst && [">", ">="].includes(operator));
    });
  return positive.some((c) => says(c, true)) || negative.some((c) => says(c, false));
}

function guarded(
  op: Operation,
  guards: readonly AstNode[],
  source: SourceText,
  names: (text: string) => string[],
  body: AstNode,
  program: Program,
): boolean {
  const left = names(code(op.left, source));
  const right = names(op.right === undefined ? "1" : code(op.right, source));
  if (op.operator === "-") return subtractionGuarded(op, body, program, source, left, right);
  const result = op.result === undefined ? undefined : names(code(op.result, source));
  // The sum or product written out, as a check before the operation would test it: `a + b >= a`.
  const whole =
    op.node.nodeType === "BinaryOperation"
      ? names(normaliseCode(source.textOf(op.node)))
      : left.flatMap((l) => right.map((r) => `${l}${op.operator}${r}`));
  return guards.some(
    (g) =>
      (result !== undefined && srcStart(g) >= srcEnd(op.node) && (relates(g, result, left, source) || relates(g, result, right, source))) ||
      (op.node.nodeType !== "UnaryOperation" && relates(g, whole, left, source)),
  );
}

/**
 * Is the value of `node` an argument of the call, or arithmetic over arguments (through locals
 * initialised with them)? A value read from storage or memory at an argument's index is not.
 */
function argumentValue(node: AstNode, body: AstNode, program: Program, depth = 4): boolean {
  if (depth === 0) return false;
  if (node.nodeType === "Identifier") {
    if (isParameter(node, program)) return true;
    const id = Number(node.referencedDeclaration);
    return descendants(body).some((st) => {
      if (st.nodeType !== "VariableDeclarationStatement") return false;
      const value = field(st, "initialValue");
      return value !== undefined && list(st, "declarations").some((d) => d.id === id) && argumentValue(value, body, program, depth - 1);
    });
  }
  if (["BinaryOperation", "UnaryOperation", "TupleExpression"].includes(node.nodeType) || (node.nodeType === "FunctionCall" && node.kind === "typeConversion")) {
    return descendants(node).some((n) => n !== node && n.nodeType === "Identifier" && argumentValue(n, body, program, depth - 1));
  }
  return false;
}

const SMALL_LITERAL = 2n ** 64n;

function isSmallLiteral(node: AstNode | undefined): boolean {
  if (node?.nodeType !== "Literal" || node.kind !== "number") return false;
  try {
    return BigInt(String(node.value).replace(/_/g, "")) < SMALL_LITERAL;
  } catch {
    return false;
  }
}

/** The cases the header lists as unable to wrap in practice. */
function cannotWrapInPractice(op: Operation, body: AstNode, program: Program, source: SourceText): boolean {
  const wide = /^uint(256)?$/.test(typeString(op.node.nodeType === "UnaryOperation" ? op.left : op.node));
  // A counter stepped by one never reaches 2^256; a caller's argument plus one can be 2^256 - 1 + 1.
  if (op.operator === "+" && isOne(op.right) && wide && !argumentValue(op.left, body, program)) return true;
  if (op.node.nodeType === "UnaryOperation") {
    const loopStep = descendants(body).some((n) => n.nodeType === "ForStatement" && field(n, "loopExpression")?.expression === op.node);
    if (loopStep) return true;
  }
  const factor = (n: AstNode | undefined) => n !== undefined && (isSmallLiteral(n) || (n.isPure === true && isConstantExpression(n)));
  if (op.operator === "*" && wide && (factor(op.left) || factor(op.right))) return true;
  if (op.operator === "+" && op.right !== undefined && isMsgValue(op.right, program)) return true;
  const parent = descendants(body).find((n) => n.nodeType === "IndexAccess" && field(n, "indexExpression") === op.node);
  const base = parent === undefined ? undefined : field(parent, "baseExpression");
  if (base !== undefined && !typeString(base).startsWith("mapping")) return true;
  if (op.operator === "-" && isBlockValue(op.left, program)) return true;
  if (op.operator === "-" && op.right !== undefined) {
    const left = compact(normaliseCode(source.textOf(op.left)));
    const right = compact(normaliseCode(source.textOf(op.right)));
    if (right.startsWith(`${left}.div(`) || right.startsWith(`${left}/`)) return true;
  }
  return false;
}

/**
 * `total -= v` where the same function takes `v` from a mapping entry under a guard
 * (`balances[msg.sender] -= v`): the total is at least the entry, since it is their sum.
 */
function reducedWithEntry(op: Operation, body: AstNode, source: SourceText): boolean {
  if (op.node.nodeType !== "Assignment" || op.operator !== "-" || op.left.nodeType === "IndexAccess" || op.right === undefined) {
    return false;
  }
  const amount = compact(normaliseCode(source.textOf(op.right)));
  return descendants(body).some((n) => {
    const target = n.nodeType === "Assignment" && text(n, "operator") === "-=" ? field(n, "leftHandSide") : undefined;
    const value = field(n, "rightHandSide");
    return target?.nodeType === "IndexAccess" && value !== undefined && compact(normaliseCode(source.textOf(value))) === amount;
  });
}

function inUncheckedBlock(op: Operation, body: AstNode): boolean {
  return descendants(body).some((n) => n.nodeType === "UncheckedBlock" && srcStart(n) <= srcStart(op.node) && srcEnd(n) >= srcEnd(op.node));
}

/**
 * Where arithmetic wraps: everywhere before 0.8, only inside `unchecked { }` from 0.8 on. The two
 * are reported by two detectors, because an `unchecked` block is the author's stated decision and
 * a wrap before 0.8 is nobody's.
 */
export type WrappingContext = "before-0.8" | "unchecked-block";

/**
 * The unguarded `+`, `-`, `*` of the given context that can wrap in practice (see the header), in
 * functions the `include` test admits.
 */
export function unguardedArithmetic(
  program: Program,
  context: WrappingContext,
  include: (fn: FunctionModel) => boolean,
): Hit[] {
  if ((context === "before-0.8") === program.checkedArithmetic) return [];
  const hits: Hit[] = [];
  for (const fn of implementedFunctions(program)) {
    if (fn.kind === "constructor" || (fn.callable && (fn.mutability === "view" || fn.mutability === "pure"))) continue;
    if (!include(fn)) continue;
    const source = fn.contract.source;
    const holders = resultHolders(fn.body);
    const guards = conditions(fn.body, program);
    const names = aliasesIn(fn.body, source);
    for (const node of descendants(fn.body)) {
      const op = operationOf(node, holders.get(node));
      if (op === undefined || (context === "unchecked-block" && !inUncheckedBlock(op, fn.body))) continue;
      if (!isInteger(op.node.nodeType === "UnaryOperation" ? op.left : op.node)) continue;
      if (isConstantExpression(op.node)) continue;
      if (cannotWrapInPractice(op, fn.body, program, source) || guarded(op, guards, source, names, fn.body, program)) continue;
      if (reducedWithEntry(op, fn.body, source)) continue;
      const kind = op.operator === "-" ? "underflow" : "overflow";
      const why = context === "before-0.8" ? `solc ${program.compilerVersion} does not check` : "inside unchecked";
      hits.push({
        contract: fn.contract,
        function: fn,
        node: op.node,
        message: `${fn.signature}: ${normaliseCode(source.textOf(op.node))} can ${kind} (${why})`,
      });
    }
  }
  return hits;
}

export const integerOverflow: Detector = {
  info: {
    id: "integer-overflow",
    title: "Integer overflow or underflow",
    swc: "SWC-101",
    category: "arithmetic",
    severity: "medium",
    confidence: "medium",
    description:
      "Before Solidity 0.8 integer arithmetic wraps around silently: a subtraction below zero yields a huge balance, an addition past the maximum yields a small one.",
    recommendation:
      "Use SafeMath or compile with Solidity 0.8 or later; otherwise check the operands first (require(a >= b) before a - b).",
  },
  detect(program) {
    return unguardedArithmetic(program, "before-0.8", () => true);
  },
};
