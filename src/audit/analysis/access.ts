/**
 * Whether a function is restricted to certain callers: a condition that depends on `msg.sender`
 * (or tx.origin) in its body before the point of interest, or in one of its modifiers (onlyOwner
 * and its kind). The caller may be checked through a local (`uint i = ownerIndex[msg.sender];
 * if (i == 0) return;`) or inside an internal function the condition calls (`if
 * (confirmAndCheck(op)) _;`), followed a few levels.
 */
import { type AstNode, contains, descendants, field, list, srcStart, typeString } from "./ast.js";
import { internalCalleeBody, isMsgSender, isTxOrigin, rootOf, stateVariableOf } from "./expressions.js";
import { conditions } from "./flow.js";
import { type FunctionModel, modifiersOf, type Program } from "./model.js";
import { dependsOn, taintedLocals } from "./taint.js";

const CALLEE_DEPTH = 3;

/** `0`, `false`, `address(0)`, `0x0`: the value of an absent entry. */
function isZero(node: AstNode): boolean {
  const inner = node.nodeType === "FunctionCall" && node.kind === "typeConversion" ? list(node, "arguments")[0] : node;
  return inner?.nodeType === "Literal" && ["0", "false", "0x0"].includes(String(inner.value).toLowerCase().replace(/^0x0+$/, "0x0"));
}

/** The bodies of the internal functions a node calls. */
function internalCallees(node: AstNode, program: Program): AstNode[] {
  return descendants(node).flatMap((n) => internalCalleeBody(n, program) ?? []);
}

/**
 * The state variables an expression compared with the caller names as authorities: a plain state
 * variable (`owner`), the root of a lookup keyed by the caller (`admins[msg.sender]`,
 * `ownerIndex[uint(msg.sender)]`), through a local initialised with one. A field of a per-item
 * record (`items[id].owner`) is an item's owner, not the contract's authority.
 */
function authorities(side: AstNode, program: Program, fromCaller: (n: AstNode) => boolean, initialisers: ReadonlyMap<number, AstNode>): number[] {
  if (side.nodeType === "FunctionCall" && side.kind === "typeConversion") {
    const inner = list(side, "arguments")[0];
    return inner === undefined ? [] : authorities(inner, program, fromCaller, initialisers);
  }
  if (side.nodeType === "Identifier") {
    const variable = stateVariableOf(side, program);
    if (variable !== undefined) return [variable.id];
    const initialiser = initialisers.get(Number(side.referencedDeclaration));
    return initialiser === undefined ? [] : authorities(initialiser, program, fromCaller, initialisers);
  }
  if (side.nodeType === "IndexAccess" && fromCaller(field(side, "indexExpression") ?? side)) {
    const root = stateVariableOf(rootOf(side), program);
    return root === undefined ? [] : [root.id];
  }
  return [];
}

/**
 * The caller checks of a body: its conditions that depend on the caller (directly, through a
 * local, or through an internal predicate the condition calls, `require(isOwner())` whose body
 * returns `msg.sender == _owner`), with the state variables that decide who is authorized. Only
 * identity and membership tests name those: `==`/`!=` with the caller (`msg.sender == owner`,
 * `ownerIndex[msg.sender] == 0`), a boolean looked up for the caller (`admins[msg.sender]`). An
 * amount compared with `>=` (`balances[msg.sender] >= v`) restricts the function but does not make
 * `balances` an authorization variable. With `returns`, the function's return values count as
 * checks too (it is a predicate called from a condition).
 */
function callerChecks(
  body: AstNode,
  program: Program,
  depth = CALLEE_DEPTH,
  returns = false,
): { condition: AstNode; authorizing: Set<number> }[] {
  const isCaller = (n: AstNode) => isMsgSender(n, program) || isTxOrigin(n, program);
  const tainted = taintedLocals(body, isCaller);
  const initialisers = new Map<number, AstNode>();
  for (const statement of descendants(body)) {
    const value = statement.nodeType === "VariableDeclarationStatement" ? field(statement, "initialValue") : undefined;
    const [declaration] = Array.isArray(statement.declarations) ? (statement.declarations as AstNode[]) : [];
    if (value !== undefined && declaration) initialisers.set(declaration.id, value);
  }
  const fromCaller = (n: AstNode) => dependsOn(n, isCaller, tainted);
  const checked = [
    ...conditions(body, program),
    ...(returns ? descendants(body).flatMap((n) => (n.nodeType === "Return" ? (field(n, "expression") ?? []) : [])) : []),
  ];
  const checks: { condition: AstNode; authorizing: Set<number> }[] = [];
  for (const condition of checked) {
    const authorizing = new Set<number>();
    const add = (ids: Iterable<number>) => {
      for (const id of ids) authorizing.add(id);
    };
    for (const n of descendants(condition)) {
      if (n.nodeType === "BinaryOperation" && ["==", "!="].includes(String(n.operator))) {
        const sides = [field(n, "leftExpression"), field(n, "rightExpression")].filter((x): x is AstNode => x !== undefined);
        // Compared with a constant, only zero tests membership (`index == 0`); `allowance != uint(-1)` is an amount.
        const constantSide = sides.find((side) => side.isPure === true);
        const membership = constantSide === undefined || isZero(constantSide);
        if (membership && sides.some(fromCaller)) for (const side of sides) add(authorities(side, program, fromCaller, initialisers));
      } else if (n.nodeType === "IndexAccess" && typeString(n) === "bool" && fromCaller(field(n, "indexExpression") ?? n)) {
        add(authorities(n, program, fromCaller, initialisers));
      }
    }
    let checksCaller = fromCaller(condition);
    if (depth > 0) {
      for (const callee of internalCallees(condition, program)) {
        const inner = callerChecks(callee, program, depth - 1, true);
        if (inner.length === 0) continue;
        checksCaller = true;
        for (const check of inner) add(check.authorizing);
      }
    }
    if (checksCaller) checks.push({ condition, authorizing });
  }
  return checks;
}

/** Is `fn` guarded by a check on the caller (before `point`, when given)? */
export function callerRestricted(fn: FunctionModel & { body: AstNode }, program: Program, point?: AstNode): boolean {
  for (const modifier of modifiersOf(fn, program)) {
    const body = field(modifier, "body");
    if (body !== undefined && callerChecks(body, program).length > 0) return true;
  }
  // `ownerExists(msg.sender)`: the caller passed to a modifier that checks its argument.
  for (const invocation of fn.modifiers) {
    const passesCaller = list(invocation, "arguments").some((a) => descendants(a).some((n) => isMsgSender(n, program)));
    const definition = modifiersOf({ ...fn, modifiers: [invocation] }, program)[0];
    const body = definition === undefined ? undefined : field(definition, "body");
    if (passesCaller && body !== undefined && conditions(body, program).length > 0) return true;
  }
  return callerChecks(fn.body, program).some(
    ({ condition }) => point === undefined || srcStart(condition) < srcStart(point) || contains(condition, point),
  );
}

/** State variables the program's caller checks decide with: who is authorized (`owner`, `admins`, `m_ownerIndex`). */
export function accessVariables(program: Program): Set<number> {
  const variables = new Set<number>();
  for (const contract of program.contracts) {
    for (const fn of contract.functions) {
      if (fn.body === undefined) continue;
      for (const { authorizing } of callerChecks(fn.body, program)) for (const id of authorizing) variables.add(id);
    }
  }
  return variables;
}
