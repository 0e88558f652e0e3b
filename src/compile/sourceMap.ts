/**
 * solc's source maps (Solidity docs, "Source Mappings"): one `s:l:f:j:m` entry per instruction,
 * separated by `;`, where an empty field repeats the previous entry's value. `s` is the byte offset
 * of the source range, `l` its length, `f` the source id (-1 for compiler-generated code), `j` the
 * jump type (`i` into a function, `o` out of one, `-` a plain jump), `m` the modifier depth.
 */
import { compileFailure } from "./errors.js";
import { lineAndColumn } from "./diagnostics.js";
import type { CompiledContract, SourceTable } from "./output.js";

export interface SourceMapEntry {
  readonly start: number;
  readonly length: number;
  readonly sourceId: number;
  readonly jump: "i" | "o" | "-";
  readonly modifierDepth: number;
}

/** Expands a compressed source map to one entry per instruction. */
export function decodeSourceMap(map: string): SourceMapEntry[] {
  if (map === "") return [];
  let previous: SourceMapEntry = { start: 0, length: 0, sourceId: -1, jump: "-", modifierDepth: 0 };
  return map.split(";").map((text, index) => {
    const [s, l, f, j, m] = text.split(":");
    const number = (field: string | undefined, inherited: number, what: string): number => {
      if (field === undefined || field === "") return inherited;
      if (!/^-?\d+$/.test(field)) {
        throw compileFailure("INPUT", "SourceMapError", `source map entry ${index}: ${what} '${field}' is not an integer`);
      }
      return Number(field);
    };
    let jump = previous.jump;
    if (j !== undefined && j !== "") {
      if (j !== "i" && j !== "o" && j !== "-") {
        throw compileFailure("INPUT", "SourceMapError", `source map entry ${index}: jump type '${j}' is not i, o or -`);
      }
      jump = j;
    }
    previous = {
      start: number(s, previous.start, "offset"),
      length: number(l, previous.length, "length"),
      sourceId: number(f, previous.sourceId, "source id"),
      jump,
      modifierDepth: number(m, previous.modifierDepth, "modifier depth"),
    };
    return previous;
  });
}

/** Program counter → instruction index: PUSH1…PUSH32 (0x60–0x7f) carry 1–32 data bytes that are not instructions. */
export function instructionIndexes(code: Uint8Array): Map<number, number> {
  const indexes = new Map<number, number>();
  let index = 0;
  for (let pc = 0; pc < code.length; index++) {
    indexes.set(pc, index);
    const opcode = code[pc] as number;
    pc += opcode >= 0x60 && opcode <= 0x7f ? opcode - 0x5e : 1;
  }
  return indexes;
}

export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  /** The source text the instruction was generated from. */
  readonly text: string;
}

/** Finds where in the sources an instruction of one contract's code comes from. */
export type SourceLocator = (pc: number) => SourceLocation | undefined;

/**
 * A locator for `code` and its source map: the location of the instruction at `pc`, or undefined
 * for compiler-generated code, a pc inside PUSH data, or a pc past the mapped code (the metadata).
 * Decodes the map once, so looking up many program counters is cheap.
 */
export function sourceLocator(code: Uint8Array, map: string, sources: SourceTable): SourceLocator {
  const indexes = instructionIndexes(code);
  const entries = decodeSourceMap(map);
  return (pc) => {
    const index = indexes.get(pc);
    const entry = index === undefined ? undefined : entries[index];
    const source = entry === undefined || entry.sourceId < 0 ? undefined : sources.byId.get(entry.sourceId);
    if (entry === undefined || source === undefined) return undefined;
    const { line, column } = lineAndColumn(source.content, entry.start);
    const text = Buffer.from(source.content, "utf8")
      .subarray(entry.start, entry.start + entry.length)
      .toString("utf8");
    return { file: source.name, line, column, text };
  };
}

/** The locator of a compiled contract's runtime code, through its deployed source map. */
export function runtimeSourceLocator(contract: CompiledContract): SourceLocator {
  return sourceLocator(contract.runtimeBytecode, contract.deployedSourceMap, contract.sources);
}
