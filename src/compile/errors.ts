/** One problem the compiler (or the import resolver) reported, located in a source file. */
export interface CompileDiagnostic {
  readonly severity: "error" | "warning" | "info";
  /** Source unit name as the import graph names it (relative to --root), or "" when not tied to a file. */
  readonly file: string;
  /** 1-based; 0 when the compiler gave no location. */
  readonly line: number;
  readonly column: number;
  /**
   * The compiler's error type (`ParserError`, `TypeError`, `DeclarationError`, …) or ours
   * (`VersionError`, `InputError`, `RemappingError`, `OutputError`, `SourceMapError`, `InstallError`).
   */
  readonly type: string;
  readonly message: string;
}

/**
 * COMPILE: solc reported errors (missing imports included); VERSION: no compiler fits the pragmas;
 * INPUT: a bad file, remapping or source map, or an incomplete installation.
 */
export type CompileErrorCode = "COMPILE" | "VERSION" | "INPUT";

export function formatDiagnostic(d: CompileDiagnostic): string {
  const where = d.file === "" ? "" : d.line === 0 ? `${d.file}: ` : `${d.file}:${d.line}:${d.column}: `;
  return `${where}${d.type}: ${d.message}`;
}

/**
 * Compilation failed: the message lists every error as `file:line:col: Type: message`, one per line,
 * so a person sees what to fix without a stack trace.
 */
export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(
    readonly code: CompileErrorCode,
    readonly diagnostics: readonly CompileDiagnostic[],
  ) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }
}

/** A CompileError with one diagnostic not tied to a source position. */
export function compileFailure(code: CompileErrorCode, type: string, message: string, file = ""): CompileError {
  return new CompileError(code, [{ severity: "error", file, line: 0, column: 0, type, message }]);
}
