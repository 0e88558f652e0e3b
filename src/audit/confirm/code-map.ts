/**
 * The instructions and basic blocks of a contract's runtime code, so that the pcs a campaign
 * reached can be counted against them. Only the instructions solc's deployed source map covers
 * are counted (one map entry per instruction, Solidity docs "Source Mappings"): the metadata solc
 * appends after the code is data, not instructions. Blocks are the code's entry and every
 * JUMPDEST, the places execution can arrive at by a jump.
 */
import { decodeSourceMap } from "../../compile/index.js";

export interface CodeMap {
  /** The pcs of the instructions counted. */
  readonly instructions: ReadonlySet<number>;
  /** Entry (pc 0) and JUMPDEST pcs among them. */
  readonly blocks: ReadonlySet<number>;
}

export function codeMap(code: Uint8Array, deployedSourceMap: string): CodeMap {
  const mapped = deployedSourceMap === "" ? Number.POSITIVE_INFINITY : decodeSourceMap(deployedSourceMap).length;
  const instructions = new Set<number>();
  const blocks = new Set<number>([0]);
  let pc = 0;
  for (let index = 0; pc < code.length && index < mapped; index++) {
    const op = code[pc]!;
    instructions.add(pc);
    if (op === 0x5b) blocks.add(pc);
    pc += op >= 0x60 && op <= 0x7f ? op - 0x5e : 1;
  }
  return { instructions, blocks };
}

export interface Reach {
  readonly reached: number;
  readonly total: number;
}

export interface Coverage {
  readonly contract: string;
  readonly instructions: Reach;
  readonly blocks: Reach;
}

export function coverageOf(contract: string, map: CodeMap, reached: ReadonlySet<number>): Coverage {
  const count = (set: ReadonlySet<number>) => {
    let n = 0;
    for (const pc of set) if (reached.has(pc)) n++;
    return n;
  };
  return {
    contract,
    instructions: { reached: count(map.instructions), total: map.instructions.size },
    blocks: { reached: count(map.blocks), total: map.blocks.size },
  };
}
