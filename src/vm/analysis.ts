/**
 * One-time analysis of contract code (the evmone "baseline" analysis): which offsets are valid
 * JUMPDESTs (Yellow Paper §9.4.3: a 0x5b byte that is not PUSH data), every PUSH immediate
 * decoded once into a word, and the code padded with zeros so a PUSH truncated by the end of the
 * code reads zeros and the byte after the end is STOP.
 */
import { readWord } from "./bytes.js";

export interface CodeAnalysis {
  /** The code followed by 33 zero bytes. */
  readonly padded: Uint8Array;
  readonly size: number;
  /** 1 at each valid jump destination. */
  readonly jumpdests: Uint8Array;
  /** The immediate of the PUSH1..PUSH32 at each offset (undefined elsewhere). */
  readonly pushValues: bigint[];
}

const cache = new WeakMap<Uint8Array, CodeAnalysis>();

function analyse(code: Uint8Array): CodeAnalysis {
  const size = code.length;
  const padded = new Uint8Array(size + 33);
  padded.set(code);
  const jumpdests = new Uint8Array(size);
  const pushValues: bigint[] = new Array(size);
  let pc = 0;
  while (pc < size) {
    const op = padded[pc]!;
    if (op === 0x5b) {
      jumpdests[pc] = 1;
    } else if (op >= 0x60 && op <= 0x7f) {
      const n = op - 0x5f;
      pushValues[pc] = readWord(padded, pc + 1, n);
      pc += n;
    }
    pc++;
  }
  return { padded, size, jumpdests, pushValues };
}

/** The analysis of `code`, computed once per code object (accounts keep their code object until it changes). */
export function analysisOf(code: Uint8Array): CodeAnalysis {
  let analysis = cache.get(code);
  if (analysis === undefined) {
    analysis = analyse(code);
    cache.set(code, analysis);
  }
  return analysis;
}
