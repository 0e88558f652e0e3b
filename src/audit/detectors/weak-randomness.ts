/**
 * weak-randomness — randomness drawn from block values.
 *
 * Finds: the shape of a lottery draw on block values: a remainder (`%`) or an equality test of a
 *   value derived from blockhash, block.difficulty (prevrandao), block.coinbase, block.gaslimit or
 *   a hash of block values, or a remainder of block.number/timestamp tested for equality
 *   (`block.number % 2 == 0`). A proposer can choose or predict these values, and another
 *   contract can compute them in the same block. Calendar arithmetic (`now % 1 days`) is not a draw.
 * SWC: SWC-120 (Weak Sources of Randomness from Chain Attributes). Category: bad_randomness.
 * Severity: high. Confidence: medium.
 * Recommendation: use a commit-reveal scheme or a verifiable randomness oracle.
 */
import { type AstNode, descendants, field, text } from "../analysis/ast.js";
import { builtinCallName, isBlockValue, isTimestamp } from "../analysis/expressions.js";
import { parentMap } from "../analysis/flow.js";
import type { Program } from "../analysis/model.js";
import { dependsOn, taintedLocals } from "../analysis/taint.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

const HASHES = new Set(["keccak256", "sha3", "sha256"]);

/** block.number and block.timestamp are also clocks: `now % 1 days` is calendar arithmetic, not a draw. */
function isClock(node: AstNode, program: Program): boolean {
  return isTimestamp(node, program) || (node.nodeType === "MemberAccess" && text(node, "memberName") === "number" && isBlockValue(node, program));
}

/**
 * The draws of a function: `x % n` where x depends on a hash of block values, on blockhash,
 * difficulty/prevrandao, coinbase or gaslimit, or on a clock whose remainder is tested for
 * equality (`block.number % 2 == 0`); and a guess compared with such a hash or with blockhash.
 */
function draws(body: AstNode, program: Program): AstNode[] {
  const isSource = (n: AstNode) => isBlockValue(n, program);
  const tainted = taintedLocals(body, isSource);
  const isEntropy = (n: AstNode) => {
    const name = builtinCallName(n, program);
    if (name !== undefined && HASHES.has(name)) return dependsOn(n, isSource, tainted);
    return isBlockValue(n, program) && !isClock(n, program);
  };
  const entropic = taintedLocals(body, isEntropy);
  const parents = parentMap(body);
  return descendants(body).filter((n) => {
    if (n.nodeType !== "BinaryOperation") return false;
    const operator = text(n, "operator");
    const left = field(n, "leftExpression");
    const right = field(n, "rightExpression");
    if (left === undefined || right === undefined) return false;
    if (operator === "%") {
      if (dependsOn(left, isEntropy, entropic)) return true;
      const parent = parents.get(n);
      const tested = parent?.nodeType === "BinaryOperation" && ["==", "!="].includes(text(parent, "operator") ?? "");
      return tested && dependsOn(left, isSource, tainted);
    }
    if (operator === "==" || operator === "!=") return [left, right].some((side) => dependsOn(side, isEntropy, entropic));
    return false;
  });
}

export const weakRandomness: Detector = {
  info: {
    id: "weak-randomness",
    title: "Randomness from block values",
    swc: "SWC-120",
    category: "bad_randomness",
    severity: "high",
    confidence: "medium",
    description:
      "Block values (hash, number, timestamp, difficulty, coinbase) are known to the proposer in advance and to any contract in the same block; a draw based on them can be predicted or steered.",
    recommendation: "Use commit-reveal or a verifiable random function (an oracle such as Chainlink VRF).",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const node of draws(fn.body, program)) {
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} draws a random value from block data` });
      }
    }
    return hits;
  },
};
