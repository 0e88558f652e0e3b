/** One run of solc's standard JSON interface (Solidity docs, "Compiler Input and Output JSON Description"). */
import type { ReadCallback, Solc } from "./compilers.js";
import { toDiagnostic, type SolcError } from "./diagnostics.js";
import { CompileError, type CompileDiagnostic, compileFailure } from "./errors.js";
import type { RawContract } from "./output.js";

export interface StandardJsonInput {
  readonly language: "Solidity" | "Yul";
  readonly sources: Readonly<Record<string, { readonly content: string }>>;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface StandardJsonOutput {
  readonly contracts: Readonly<Record<string, Readonly<Record<string, RawContract>>>>;
  readonly sources: Readonly<Record<string, { readonly id: number; readonly ast?: unknown }>>;
  readonly warnings: readonly CompileDiagnostic[];
}

interface RawOutput {
  readonly errors?: readonly SolcError[];
  readonly contracts?: Record<string, Record<string, RawContract>>;
  readonly sources?: Record<string, { id: number; ast?: unknown }>;
}

/**
 * Compiles; any diagnostic of severity "error" fails the whole compilation with a CompileError
 * listing all of them. `sources` holds the text of every unit (units solc reads through the callback
 * are added), to turn byte offsets into lines.
 */
export function runStandardJson(
  solc: Solc,
  input: StandardJsonInput,
  read: ReadCallback,
  sources: Map<string, string>,
): StandardJsonOutput {
  const text = solc.compile(JSON.stringify(input), (path) => {
    const result = read(path);
    if ("contents" in result) sources.set(path, result.contents);
    return result;
  });
  let raw: RawOutput;
  try {
    raw = JSON.parse(text) as RawOutput;
  } catch {
    throw compileFailure("COMPILE", "OutputError", `solc ${solc.longVersion} returned output that is not JSON`);
  }
  const diagnostics = (raw.errors ?? []).map((e) => toDiagnostic(e, sources));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new CompileError("COMPILE", errors);
  return {
    contracts: raw.contracts ?? {},
    sources: raw.sources ?? {},
    warnings: diagnostics.filter((d) => d.severity !== "error"),
  };
}
