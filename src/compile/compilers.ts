/**
 * The solc-js compilers installed with the package (npm aliases `solc-0.4.26` … `solc-0.7.6` and
 * `solc` for 0.8.x), each loaded on first use and kept: loading a soljson build takes about a
 * second, compiling with it is then in-process and offline.
 */
import { createRequire } from "node:module";
import { CompileError, compileFailure } from "./errors.js";
import {
  compareVersions,
  formatVersion,
  parseRange,
  parseVersion,
  pinnedVersion,
  satisfies,
  type Version,
  type VersionRange,
} from "./semver.js";

const require = createRequire(import.meta.url);

const MODULES = ["solc-0.4.26", "solc-0.5.17", "solc-0.6.12", "solc-0.7.6", "solc"] as const;

/** The import callback of solc's standard JSON interface. */
export type ReadCallback = (path: string) => { contents: string } | { error: string };

export interface Solc {
  readonly version: Version;
  /** As the compiler reports it, e.g. `0.8.30+commit.73712a01.Emscripten.clang`. */
  readonly longVersion: string;
  /** Runs solc's standard JSON interface: JSON text in, JSON text out. */
  compile(input: string, read: ReadCallback): string;
}

interface SolcModule {
  version(): string;
  compile?(input: string, callbacks: { import: ReadCallback }): string;
  compileStandardWrapper?(input: string, read: ReadCallback): string;
}

interface Installed {
  readonly module: string;
  readonly version: Version;
}

/**
 * Installed versions, newest first; read from package.json files, without loading any compiler.
 * A compiler package that is not installed is simply not offered.
 */
export const INSTALLED: readonly Installed[] = MODULES.flatMap((module) => {
  let pkg: { version: string };
  try {
    pkg = require(`${module}/package.json`) as { version: string };
  } catch {
    return [];
  }
  return [{ module, version: parseVersion(pkg.version) }];
}).sort((a, b) => compareVersions(b.version, a.version));

const loaded = new Map<string, Solc>();

/**
 * solc-js before 0.5 exposes standard JSON as `compileStandardWrapper(input, callback)`; from 0.5 on
 * it is `compile(input, { import: callback })` (0.5 accepts both a function and the object).
 */
function standardJsonEntry(solc: SolcModule, version: Version): Solc["compile"] {
  const { compile, compileStandardWrapper } = solc;
  if (version.major === 0 && version.minor < 5 && compileStandardWrapper !== undefined) {
    return (input, read) => compileStandardWrapper(input, read);
  }
  if (compile === undefined) {
    throw compileFailure("VERSION", "VersionError", `solc ${formatVersion(version)} has no standard JSON entry point`);
  }
  return (input, read) => compile(input, { import: read });
}

/**
 * Runs `load`, then removes the process-wide `unhandledRejection`/`uncaughtException` listeners
 * that solc-js's emscripten runtime installs, so loading a compiler does not change how the rest of
 * the program handles errors.
 */
function withoutProcessHooks<T>(load: () => T): T {
  const rejectionListeners = new Set(process.listeners("unhandledRejection"));
  const exceptionListeners = new Set(process.listeners("uncaughtException"));
  try {
    return load();
  } finally {
    for (const listener of process.listeners("unhandledRejection")) {
      if (!rejectionListeners.has(listener)) process.removeListener("unhandledRejection", listener);
    }
    for (const listener of process.listeners("uncaughtException")) {
      if (!exceptionListeners.has(listener)) process.removeListener("uncaughtException", listener);
    }
  }
}

function load(entry: Installed): Solc {
  const cached = loaded.get(entry.module);
  if (cached !== undefined) return cached;
  const solc = withoutProcessHooks(() => require(entry.module) as SolcModule);
  const compiler: Solc = { version: entry.version, longVersion: solc.version(), compile: standardJsonEntry(solc, entry.version) };
  loaded.set(entry.module, compiler);
  return compiler;
}

export function installedVersions(): string[] {
  return INSTALLED.map((i) => formatVersion(i.version));
}

/** A `pragma solidity` range and the unit it appears in. */
export interface PragmaRange {
  readonly range: string;
  readonly file: string;
}

export interface CompilerChoice {
  readonly solc: Solc;
  /** Pinned ranges the chosen compiler does not satisfy (only when pins may be relaxed). */
  readonly relaxed: readonly PragmaRange[];
}

function parsePragmas(ranges: readonly PragmaRange[]): (PragmaRange & { parsed: VersionRange })[] {
  return ranges.map((r) => {
    try {
      return { ...r, parsed: parseRange(r.range) };
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      const reason = error.message.replace(/^VersionError: /, "");
      throw compileFailure("VERSION", "VersionError", `pragma solidity ${r.range}: ${reason}`, r.file);
    }
  });
}

/**
 * The newest installed compiler that satisfies every range (one per `pragma solidity` in the import
 * graph); no ranges means any version. With `relaxPins`, a pin to an exact version that is not
 * installed (`pragma solidity 0.8.19;`) accepts the newest installed compiler of the same minor
 * line (0.8.x), which Solidity keeps source-compatible, as long as every other range still holds.
 */
export function selectCompiler(ranges: readonly PragmaRange[], relaxPins = false): CompilerChoice {
  const parsed = parsePragmas(ranges);
  const strict = INSTALLED.find((i) => parsed.every((r) => satisfies(i.version, r.parsed)));
  if (strict !== undefined) return { solc: load(strict), relaxed: [] };
  if (relaxPins) {
    const relaxedMatch = INSTALLED.find((i) =>
      parsed.every((r) => {
        if (satisfies(i.version, r.parsed)) return true;
        const pin = pinnedVersion(r.parsed);
        return pin !== undefined && pin.major === i.version.major && pin.minor === i.version.minor;
      }),
    );
    if (relaxedMatch !== undefined) {
      const relaxed = parsed
        .filter((r) => !satisfies(relaxedMatch.version, r.parsed))
        .map(({ range, file }) => ({ range, file }));
      return { solc: load(relaxedMatch), relaxed };
    }
  }
  const wanted = ranges.map((r) => `'${r.range}' (${r.file})`).join(" and ");
  const installed = installedVersions().join(", ");
  throw compileFailure("VERSION", "VersionError", `no installed compiler satisfies ${wanted}; installed: ${installed}`);
}

/**
 * The installed compilers older than `chosen` that also satisfy every range, newest first, each
 * loaded only when the caller asks for it: the fallbacks when `chosen` rejects source written for an older language version.
 */
export function* olderCompilers(chosen: Solc, ranges: readonly PragmaRange[]): Generator<Solc> {
  const parsed = parsePragmas(ranges);
  for (const installed of INSTALLED) {
    const older = compareVersions(installed.version, chosen.version) < 0;
    if (older && parsed.every((r) => satisfies(installed.version, r.parsed))) yield load(installed);
  }
}

/** The newest installed compiler (used for Yul). */
export function newestCompiler(): Solc {
  const newest = INSTALLED[0];
  if (newest === undefined) throw compileFailure("VERSION", "VersionError", "no solc-js compiler is installed");
  return load(newest);
}
