/** solc's standard JSON errors turned into located diagnostics. */
import type { CompileDiagnostic } from "./errors.js";

/** An entry of the `errors` array of solc's standard JSON output. */
export interface SolcError {
  readonly severity: string;
  readonly type: string;
  readonly message: string;
  readonly formattedMessage?: string;
  readonly sourceLocation?: { readonly file: string; readonly start: number; readonly end: number };
}

/** 1-based line and column of a byte offset (solc counts UTF-8 bytes, not characters). */
export function lineAndColumn(source: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(source, "utf8").subarray(0, Math.max(0, byteOffset)).toString("utf8");
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1 };
}

export function toDiagnostic(error: SolcError, sources: ReadonlyMap<string, string>): CompileDiagnostic {
  const severity = error.severity === "error" || error.severity === "warning" ? error.severity : "info";
  const location = error.sourceLocation;
  const source = location === undefined ? undefined : sources.get(location.file);
  if (location === undefined || source === undefined || location.start < 0) {
    return { severity, file: location?.file ?? "", line: 0, column: 0, type: error.type, message: error.message };
  }
  const { line, column } = lineAndColumn(source, location.start);
  return { severity, file: location.file, line, column, type: error.type, message: error.message };
}
