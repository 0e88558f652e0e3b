/**
 * weak-randomness — randomness drawn from block values.
 *
 * Finds: a value derived from blockhash, block.number, block.timestamp/now, block.difficulty
 *   (prevrandao), block.coinbase or block.gaslimit, directly or hashed, that is reduced with `%`
 *   or compared with a guess: the shape of a lottery draw. A proposer can choose or predict these
 *   values, and another contract can compute them in the same block.
 * SWC: SWC-120 (Weak Sources of Randomness from Chain Attributes). Category: bad_randomness.
 * Severity: high. Confidence: medium.
 * Recommendation: use a commit-reveal scheme or a verifiable randomness oracle.
 */
import { type AstNode, descendants, field, text } from "../analysis/ast.js";
import { builtinCallName, isBlockValue } from "../analysis/expressions.js";
import type { Program } from "../analysis/model.js";
import { dependsOn, taintedLocals } from "../analysis/taint.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

const HASHES = new Set(["keccak256", "sha3", "sha256"]);

/** The draws of a function: `x % n` or `x == guess` where x depends on a block value. */
function draws(body: AstNode, program: Program): AstNode[] {
  const isSource = (n: AstNode) => isBlockValue(n, program);
  const tainted = taintedLocals(body, isSource);
  const hashed = (n: AstNode) => {
    const name = builtinCallName(n, program);
    return name !== undefined && HASHES.has(name) && dependsOn(n, isSource, tainted);
  };
  return descendants(body).filter((n) => {
    if (n.nodeType !== "BinaryOperation") return false;
    const operator = text(n, "operator");
    const left = field(n, "leftExpression");
    const right = field(n, "rightExpression");
    if (left === undefined || right === undefined) return false;
    if (operator === "%") return dependsOn(left, isSource, tainted);
    if (operator === "==" || operator === "!=") {
      return [left, right].some((side) => descendants(side).some(hashed) || (dependsOn(side, (x) => isBlockValue(x, program) && x.nodeType === "FunctionCall", tainted)));
    }
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
