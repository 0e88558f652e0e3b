/**
 * What the compiler front end needs to know about a Solidity source before compiling it: its
 * `pragma solidity` ranges (to pick a compiler) and its import paths (to load the import graph).
 * A light scan, not a parser: comments are blanked out first so commented-out imports and pragmas
 * do not count, and string literals are kept intact.
 */

/** The source with comments replaced by spaces (newlines kept, so offsets and lines do not move). */
export function blankComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The version ranges of every `pragma solidity …;` in the source (usually one). */
export function solidityPragmas(source: string): string[] {
  return [...blankComments(source).matchAll(/\bpragma\s+solidity\s+([^;]+);/g)].map((m) => (m[1] as string).trim());
}

/** `import`, then optionally `* as N from` / `{…} from` / `N from`, then the quoted path (group 2). */
const IMPORT = /(?:^|[;}\s])import\s+(?:(?:\*\s*as\s+[A-Za-z_$][\w$]*|\{[^}]*\}|[A-Za-z_$][\w$]*)\s+from\s+)?(["'])((?:\\.|(?!\1).)*)\1/g;

/**
 * The import paths of a source, for all four forms of the import directive (Solidity docs,
 * "Importing other Source Files"): `import "p";`, `import "p" as N;`, `import * as N from "p";`,
 * `import {a, b as c} from "p";`.
 */
export function importPaths(source: string): string[] {
  return [...blankComments(source).matchAll(IMPORT)].map((m) => m[2] as string);
}
