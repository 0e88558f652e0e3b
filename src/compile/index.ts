/** Solidity and Yul compilation with the installed solc-js compilers. */
export { installedVersions } from "./compilers.js";
export { type CompileDiagnostic, CompileError, type CompileErrorCode, formatDiagnostic } from "./errors.js";
export type {
  CompiledContract,
  LinkReferences,
  SourceTable,
  StorageEntry,
  StorageLayout,
  StorageType,
} from "./output.js";
export {
  decodeSourceMap,
  instructionIndexes,
  runtimeSourceLocator,
  type SourceLocation,
  type SourceLocator,
  type SourceMapEntry,
  sourceLocator,
} from "./sourceMap.js";
export { findProjectRoot, missingImport, type ProjectLayout, type ProjectOptions, projectLayout, ROOT_MARKERS, type RootMarker } from "./project.js";
export { type FoundryProfile, readFoundryProfile } from "./foundry-toml.js";
export { parseRange, parseVersion, satisfies, type Version, type VersionRange } from "./semver.js";
export {
  compileSolidity,
  compileSolidityProject,
  compileSoliditySource,
  type SolidityCompilation,
  type SolidityOptions,
} from "./solidity.js";
export { DS_TEST_EVENTS, formatConsoleLog, formatDecimal, formatDsTestLog } from "./std/logs.js";
export { SHIM_UNITS } from "./std/shims.js";
export { type CompiledYul, compileYul, type YulOptions } from "./yul.js";
