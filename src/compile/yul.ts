/**
 * Compiling Yul (Solidity docs, "Yul"): a plain `{ … }` block or a Yul object with nested objects,
 * through standard JSON with `language: "Yul"` on the newest installed compiler.
 */
import { newestCompiler } from "./compilers.js";
import { type CompileDiagnostic, compileFailure } from "./errors.js";
import { bytecodeBytes } from "./output.js";
import { runStandardJson } from "./standardJson.js";

export interface YulOptions {
  /** Unit name used in diagnostics. Default "input.yul". */
  readonly sourceName?: string;
  readonly optimize?: boolean;
  readonly evmVersion?: string;
}

export interface CompiledYul {
  /** Name of the top-level object ("object" for a plain block). */
  readonly name: string;
  readonly compilerVersion: string;
  /** Code of the top-level object; for a deployable object this is init code returning the runtime object. */
  readonly bytecode: Uint8Array;
  readonly sourceMap: string;
  readonly warnings: readonly CompileDiagnostic[];
}

export function compileYul(source: string, options: YulOptions = {}): CompiledYul {
  const sourceName = options.sourceName ?? "input.yul";
  if (source.trim() === "") throw compileFailure("INPUT", "InputError", "empty Yul source", sourceName);
  const solc = newestCompiler();
  const input = {
    language: "Yul" as const,
    sources: { [sourceName]: { content: source } },
    settings: {
      optimizer: { enabled: options.optimize === true },
      ...(options.evmVersion === undefined ? {} : { evmVersion: options.evmVersion }),
      outputSelection: { "*": { "*": ["evm.bytecode.object", "evm.bytecode.sourceMap"] } },
    },
  };
  const output = runStandardJson(solc, input, () => ({ error: "Yul has no imports" }), new Map([[sourceName, source]]));
  const objects = Object.entries(output.contracts[sourceName] ?? {});
  const [name, raw] = objects[0] ?? [];
  if (name === undefined || raw === undefined) {
    throw compileFailure("COMPILE", "OutputError", "solc produced no object for the Yul source", sourceName);
  }
  return {
    name,
    compilerVersion: solc.longVersion,
    bytecode: bytecodeBytes(raw.evm?.bytecode?.object ?? "", `${sourceName}:${name}`),
    sourceMap: raw.evm?.bytecode?.sourceMap ?? "",
    warnings: output.warnings,
  };
}
