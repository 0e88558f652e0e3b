/**
 * weak-randomness — randomness drawn from block values.
 *
 * Finds: the shape of a lottery draw on block values: a remainder (`%`) or an equality test of a
 *   value derived from blockhash, block.difficulty (prevrandao), block.coinbase, block.gaslimit or
 *   a hash of block values, or a remainder of block.number/timestamp tested for equality
 *   (`block.number % 2 == 0`). A proposer can choose or predict these values, and another
 *   contract can compute them in the same block. Calendar arithmetic (`now % 1 days`) is not a draw.
 *   Block values are followed through locals and state variables (a seed stored in the
 *   constructor); in a function that draws, the statements computing the draw's inputs and the
 *   places the seeds it reads are stored are reported too.
 * SWC: SWC-120 (Weak Sources of Randomness from Chain Attributes). Category: bad_randomness.
 * Severity: high. Confidence: medium.
 * Recommendation: use a commit-reveal scheme or a verifiable randomness oracle.
 */
import { type AstNode, descendants, field, list, text } from "../analysis/ast.js";
import { builtinCallName, isBlockValue, isMsgSender, isParameter, isTimestamp, stateWrites } from "../analysis/expressions.js";
import { parentMap } from "../analysis/flow.js";
import type { ContractModel, FunctionModel, Program } from "../analysis/model.js";
import { dependsOn, taintedLocals } from "../analysis/taint.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

const HASHES = new Set(["keccak256", "sha3", "sha256"]);

/** block.number and block.timestamp are also clocks: `now % 1 days` is calendar arithmetic, not a draw. */
function isClock(node: AstNode, program: Program): boolean {
  return isTimestamp(node, program) || (node.nodeType === "MemberAccess" && text(node, "memberName") === "number" && isBlockValue(node, program));
}

/** A place where a state variable (or constant) gets its value: its declaration or an assignment. */
interface SeedWrite {
  readonly node: AstNode;
  readonly contract: ContractModel;
  readonly fn: FunctionModel | undefined;
}

/** State variables holding block values: `entropic` ones a hash, blockhash, difficulty…; `clock` ones only number/timestamp. */
interface Seeds {
  readonly entropic: Set<number>;
  readonly clock: Set<number>;
  readonly writes: Map<number, SeedWrite[]>;
}

function storedId(node: AstNode, program: Program): number | undefined {
  if (node.nodeType !== "Identifier") return undefined;
  const declaration = program.declarations.get(Number(node.referencedDeclaration));
  return declaration?.nodeType === "VariableDeclaration" && declaration.stateVariable === true ? declaration.id : undefined;
}

/** Predicates over one function body: block values (and seeds) as sources, and the entropic subset. */
function sourcesIn(body: AstNode, program: Program, seeds: Seeds) {
  const isSource = (n: AstNode) => {
    const id = storedId(n, program);
    return isBlockValue(n, program) || (id !== undefined && (seeds.entropic.has(id) || seeds.clock.has(id)));
  };
  const tainted = taintedLocals(body, isSource);
  const isEntropy = (n: AstNode) => {
    const name = builtinCallName(n, program);
    if (name !== undefined && HASHES.has(name)) return dependsOn(n, isSource, tainted);
    const id = storedId(n, program);
    if (id !== undefined) return seeds.entropic.has(id);
    return isBlockValue(n, program) && !isClock(n, program);
  };
  return { isSource, tainted, isEntropy, entropic: taintedLocals(body, isEntropy) };
}

function findSeeds(program: Program): Seeds {
  const seeds: Seeds = { entropic: new Set(), clock: new Set(), writes: new Map() };
  const empty: Seeds = { entropic: new Set(), clock: new Set(), writes: new Map() };
  const record = (id: number, value: AstNode, root: AstNode, write: SeedWrite) => {
    const { isSource, tainted, isEntropy, entropic } = sourcesIn(root, program, empty);
    if (!dependsOn(value, isSource, tainted)) return;
    (dependsOn(value, isEntropy, entropic) ? seeds.entropic : seeds.clock).add(id);
    seeds.writes.set(id, [...(seeds.writes.get(id) ?? []), write]);
  };
  for (const contract of program.contracts) {
    for (const variable of list(contract.node, "nodes")) {
      const value = field(variable, "value");
      if (variable.nodeType === "VariableDeclaration" && value !== undefined) {
        record(variable.id, value, variable, { node: variable, contract, fn: undefined });
      }
    }
  }
  for (const fn of implementedFunctions(program)) {
    for (const write of stateWrites(fn.body, program)) {
      const value = write.node.nodeType === "Assignment" ? field(write.node, "rightHandSide") : undefined;
      if (value !== undefined) record(write.variable.id, value, fn.body, { node: write.node, contract: fn.contract, fn });
    }
  }
  return seeds;
}

/**
 * The draws of a function: `x % n` where x depends on a hash of block values, on blockhash,
 * difficulty/prevrandao, coinbase or gaslimit (or a state variable holding one), or on a clock
 * whose remainder is tested for equality (`block.number % 2 == 0`); and a guess compared with
 * such a value.
 */
function draws(body: AstNode, program: Program, seeds: Seeds): AstNode[] {
  const { isSource, tainted, isEntropy, entropic } = sourcesIn(body, program, seeds);
  const parents = parentMap(body);
  const verifying = (n: AstNode) => isCallerInput(n, body, program);
  const verified = taintedLocals(body, verifying);
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
    if (operator === "==" || operator === "!=") {
      // A hash that takes the caller's own input (a nonce, msg.sender) checks a proof of work or a
      // commitment; a guess compared with block data alone is a draw.
      const verification = [left, right].some((side) => dependsOn(side, verifying, verified));
      // A guess is a value; a test against a constant (`solution != 0x0`) asks whether an entry exists.
      const existence = [left, right].some((side) => side.isPure === true);
      return !verification && !existence && [left, right].some((side) => dependsOn(side, isEntropy, entropic));
    }
    return false;
  });
}

/** A hash over msg.sender or a parameter of the function (directly or through a local). */
function isCallerInput(node: AstNode, body: AstNode, program: Program): boolean {
  const name = builtinCallName(node, program);
  if (name === undefined || !HASHES.has(name)) return false;
  const inputs = (n: AstNode) => isMsgSender(n, program) || (n.nodeType === "Identifier" && isParameter(n, program));
  return dependsOn(node, inputs, taintedLocals(body, inputs));
}


/**
 * The statements of a drawing function that compute the draw's inputs from block values: the
 * assignments of the locals the draws read, and of the locals those read, back to the source.
 */
function drawInputs(body: AstNode, found: readonly AstNode[], program: Program, seeds: Seeds): AstNode[] {
  const { isSource, tainted } = sourcesIn(body, program, seeds);
  const assignments = descendants(body).flatMap((n) => {
    if (n.nodeType === "VariableDeclarationStatement") {
      const value = field(n, "initialValue");
      return value === undefined ? [] : list(n, "declarations").map((d) => ({ node: n, id: d.id, value }));
    }
    const target = n.nodeType === "Assignment" ? field(n, "leftHandSide") : undefined;
    const value = field(n, "rightHandSide");
    return target?.nodeType === "Identifier" && value !== undefined ? [{ node: n, id: Number(target.referencedDeclaration), value }] : [];
  });
  const wanted = new Set<number>();
  const readIn = (n: AstNode) => {
    for (const x of descendants(n)) if (x.nodeType === "Identifier" && tainted.has(Number(x.referencedDeclaration))) wanted.add(Number(x.referencedDeclaration));
  };
  found.forEach(readIn);
  const inputs = new Set<AstNode>();
  for (let size = -1; size !== inputs.size; ) {
    size = inputs.size;
    for (const a of assignments) {
      if (!wanted.has(a.id) || inputs.has(a.node) || !dependsOn(a.value, isSource, tainted)) continue;
      inputs.add(a.node);
      readIn(a.value);
    }
  }
  return [...inputs];
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
    const seeds = findSeeds(program);
    const hits: Hit[] = [];
    const usedSeeds = new Set<number>();
    for (const fn of implementedFunctions(program)) {
      const found = draws(fn.body, program, seeds);
      if (found.length === 0) continue;
      for (const node of found) {
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} draws a random value from block data` });
      }
      const inputs = drawInputs(fn.body, found, program, seeds);
      for (const node of inputs) {
        hits.push({ contract: fn.contract, function: fn, node, message: `${fn.signature} computes its draw from block data` });
      }
      for (const node of [...found, ...inputs].flatMap((n) => descendants(n))) {
        const id = storedId(node, program);
        if (id !== undefined && seeds.writes.has(id)) usedSeeds.add(id);
      }
    }
    for (const id of usedSeeds) {
      for (const write of seeds.writes.get(id) ?? []) {
        hits.push({ contract: write.contract, function: write.fn, node: write.node, message: "a random seed is taken from block data" });
      }
    }
    return hits;
  },
};
