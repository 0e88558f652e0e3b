/**
 * The program a detector looks at: the compiled source units' ASTs, their contracts and functions,
 * every declaration by id (to tell a state variable from a local), and whether arithmetic wraps
 * (compilers before 0.8.0) or reverts (0.8.0 and later, outside `unchecked`).
 */
import { type AstNode, descendants, field, list, referencedDeclaration, text, typeString } from "./ast.js";
import { SourceText } from "./source.js";

export type FunctionKind = "constructor" | "function" | "fallback" | "receive" | "modifier";

export interface FunctionModel {
  readonly node: AstNode;
  readonly contract: ContractModel;
  readonly name: string;
  /** `withdraw(uint256)`; `constructor()`, `fallback()`, `receive()`; a modifier's name. */
  readonly signature: string;
  readonly kind: FunctionKind;
  /** public, external, internal or private (0.4's default visibility is public). */
  readonly visibility: string;
  /** pure, view, payable or nonpayable. */
  readonly mutability: string;
  /** Undefined for a function without body (interfaces, abstract functions). */
  readonly body: AstNode | undefined;
  /** The modifier invocations on the function, in order (base constructor calls excluded). */
  readonly modifiers: readonly AstNode[];
  /** Callable by any account in a transaction: public or external, and not a constructor. */
  readonly callable: boolean;
}

export interface ContractModel {
  readonly node: AstNode;
  readonly name: string;
  /** contract, library or interface. */
  readonly kind: string;
  readonly source: SourceText;
  /** Functions and modifiers declared in this contract. */
  readonly functions: readonly FunctionModel[];
}

export interface Program {
  readonly contracts: readonly ContractModel[];
  readonly sources: ReadonlyMap<string, SourceText>;
  /** Every node with an id, in every unit. */
  readonly declarations: ReadonlyMap<number, AstNode>;
  /**
   * Local storage references → the expression they were initialised with (`Holder storage acc =
   * accounts[msg.sender]`, 0.4's `var acc = …`): a write through `acc` writes `accounts`.
   */
  readonly storageAliases: ReadonlyMap<number, AstNode>;
  /** The compiler's version, e.g. `0.5.17`. */
  readonly compilerVersion: string;
  /** Arithmetic reverts on overflow (solc 0.8.0 and later) unless in an `unchecked` block. */
  readonly checkedArithmetic: boolean;
}

const LOCATION_WORDS = / (memory|storage|calldata|pointer|ref)\b/g;

function parameterType(parameter: AstNode): string {
  return typeString(parameter)
    .replace(LOCATION_WORDS, "")
    .replace(/^address payable$/, "address")
    .replace(/^(contract|interface) \w+$/, "address")
    .replace(/^struct /, "")
    .replace(/^enum /, "");
}

function functionKind(node: AstNode): FunctionKind {
  if (node.nodeType === "ModifierDefinition") return "modifier";
  const kind = text(node, "kind");
  if (kind === "constructor" || kind === "fallback" || kind === "receive") return kind;
  if (node.isConstructor === true) return "constructor";
  if (kind === undefined && text(node, "name") === "") return "fallback";
  return "function";
}

function mutabilityOf(node: AstNode): string {
  const declared = text(node, "stateMutability");
  if (declared !== undefined) return declared;
  if (node.payable === true) return "payable";
  return node.constant === true ? "view" : "nonpayable";
}

function functionModel(node: AstNode, contract: ContractModel, contractNames: ReadonlySet<string>): FunctionModel {
  const kind = functionKind(node);
  const name = text(node, "name") ?? "";
  const parameters = list(field(node, "parameters") ?? node, "parameters");
  const signature =
    kind === "modifier" ? name : `${kind === "function" ? name : kind}(${parameters.map(parameterType).join(",")})`;
  const visibility = text(node, "visibility") ?? "public";
  const modifiers = list(node, "modifiers").filter((m) => {
    const invoked = field(m, "modifierName");
    return invoked === undefined || !contractNames.has(text(invoked, "name") ?? "");
  });
  return {
    node,
    contract,
    name,
    signature,
    kind,
    visibility,
    mutability: mutabilityOf(node),
    body: field(node, "body"),
    modifiers,
    callable: kind !== "constructor" && kind !== "modifier" && (visibility === "public" || visibility === "external"),
  };
}

/** `0.5.17+commit.d19bba13.Emscripten.clang` → [0, 5, 17]. */
function versionNumbers(version: string): [number, number, number] {
  const [major, minor, patch] = (version.match(/^(\d+)\.(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
  return [major ?? 0, minor ?? 0, patch ?? 0];
}

/** Builds the program from the units' ASTs (unit name → compact AST) and their texts. */
export function buildProgram(
  asts: ReadonlyMap<string, unknown>,
  texts: ReadonlyMap<string, string>,
  compilerVersion: string,
): Program {
  const sources = new Map<string, SourceText>();
  const declarations = new Map<number, AstNode>();
  const contracts: ContractModel[] = [];
  const units: [string, AstNode][] = [];
  for (const [name, ast] of asts) {
    const unit = ast as AstNode;
    sources.set(name, new SourceText(name, texts.get(name) ?? ""));
    for (const node of descendants(unit)) if (typeof node.id === "number") declarations.set(node.id, node);
    units.push([name, unit]);
  }
  const contractNames = new Set(
    [...declarations.values()].filter((n) => n.nodeType === "ContractDefinition").map((n) => text(n, "name") ?? ""),
  );
  for (const [name, unit] of units) {
    for (const node of list(unit, "nodes").filter((n) => n.nodeType === "ContractDefinition")) {
      const functions: FunctionModel[] = [];
      const contract: ContractModel = {
        node,
        name: text(node, "name") ?? "",
        kind: text(node, "contractKind") ?? "contract",
        source: sources.get(name) as SourceText,
        functions,
      };
      for (const member of list(node, "nodes")) {
        if (member.nodeType === "FunctionDefinition" || member.nodeType === "ModifierDefinition") {
          functions.push(functionModel(member, contract, contractNames));
        }
      }
      contracts.push(contract);
    }
  }
  const storageAliases = new Map<number, AstNode>();
  for (const node of declarations.values()) {
    if (node.nodeType !== "VariableDeclarationStatement") continue;
    const value = field(node, "initialValue");
    const declared = list(node, "declarations");
    const [only] = declared;
    const type = (only?.typeDescriptions as { typeIdentifier?: string } | undefined)?.typeIdentifier ?? "";
    if (value !== undefined && only !== undefined && declared.length === 1 && type.endsWith("_storage_ptr")) storageAliases.set(only.id, value);
  }
  const [major, minor] = versionNumbers(compilerVersion);
  return {
    contracts,
    sources,
    declarations,
    storageAliases,
    compilerVersion: versionNumbers(compilerVersion).join("."),
    checkedArithmetic: major > 0 || minor >= 8,
  };
}

/** The function (or modifier) model of a FunctionDefinition/ModifierDefinition node id. */
export function functionsById(program: Program): Map<number, FunctionModel> {
  return new Map(program.contracts.flatMap((c) => c.functions.map((f) => [f.node.id, f] as const)));
}

/** The modifier definitions a function invokes. */
export function modifiersOf(fn: FunctionModel, program: Program): AstNode[] {
  return fn.modifiers.flatMap((invocation) => {
    const name = field(invocation, "modifierName");
    const id = name === undefined ? undefined : referencedDeclaration(name);
    const definition = id === undefined ? undefined : program.declarations.get(id);
    return definition?.nodeType === "ModifierDefinition" ? [definition] : [];
  });
}
