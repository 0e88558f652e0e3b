/**
 * Compiled code, once per code hash and fork: a least-recently-used cache bounded by the memory
 * its entries hold (estimated from the generated text, which V8 keeps for the function, and the
 * bytecode V8 makes of it). Code the compiler refuses (too large) is remembered as such, so it is
 * analysed only once.
 */
import type { CodeAnalysis } from "../analysis.js";
import type { ExecutionContext } from "../context.js";
import type { Frame } from "../frame.js";
import type { OpcodeTable } from "../opcodes.js";
import { basicBlocks } from "./blocks.js";
import { DEFAULT_GENERATION_LIMITS, generate, type GenerationLimits, TooLargeToCompile } from "./codegen.js";
import { EXIT, RUNTIME, RUNTIME_NAMES } from "./runtime.js";

/** Runs a frame from its pc; returns a halt reason, SUSPEND, or EXIT (continue in the interpreter at frame.pc). */
export type CompiledCode = (ctx: ExecutionContext, frame: Frame) => number;

/** Code larger than the largest initcode (EIP-3860: 49152 bytes) is never compiled. */
export const MAX_COMPILED_CODE_SIZE = 49_152;
/** Bytes of the cache's estimated footprint before the least recently used entries are dropped. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

interface Entry {
  readonly compiled: CompiledCode | null;
  readonly bytes: number;
}

export interface CacheStats {
  readonly entries: number;
  /** Estimated bytes held: twice the generated text (source and V8 bytecode) per compiled entry. */
  readonly bytes: number;
  readonly compiled: number;
  readonly refused: number;
  readonly evicted: number;
  /** Milliseconds spent generating and compiling. */
  readonly compileMs: number;
}

export class CompiledCodeCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private compiled = 0;
  private refused = 0;
  private evicted = 0;
  private compileMs = 0;

  constructor(
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
    private readonly limits: GenerationLimits = DEFAULT_GENERATION_LIMITS,
  ) {}

  /** The compiled code for `key` (code hash and fork), compiling it on a miss; null if it is left to the interpreter. */
  get(key: string, code: CodeAnalysis, table: OpcodeTable): CompiledCode | null {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.compiled;
    }
    const started = performance.now();
    const entry = compileEntry(code, table, this.limits);
    this.compileMs += performance.now() - started;
    if (entry.compiled === null) this.refused++;
    else this.compiled++;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.bytes > this.maxBytes && this.entries.size > 1) {
      const [oldest, old] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
      this.evicted++;
    }
    return entry.compiled;
  }

  stats(): CacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      compiled: this.compiled,
      refused: this.refused,
      evicted: this.evicted,
      compileMs: this.compileMs,
    };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** A chunk of compiled blocks: runs from its index-th block; returns the pc of a block outside it, or ~result. */
type Chunk = (ctx: ExecutionContext, frame: Frame, index: number) => number;

/** Runs chunk after chunk; a pc that starts no compiled block goes to the interpreter. */
function driver(chunks: readonly Chunk[], chunkOf: Uint16Array, indexOf: Uint16Array): CompiledCode {
  return (ctx, f) => {
    let pc = f.pc;
    for (;;) {
      // A pc past the code (a PUSH cut off by its end falls through there) starts no block.
      const chunk = chunkOf[pc] ?? 0;
      if (chunk === 0) {
        f.pc = pc;
        return EXIT;
      }
      pc = chunks[chunk - 1]!(ctx, f, indexOf[pc]!);
      if (pc < 0) return ~pc;
    }
  };
}

function compileEntry(code: CodeAnalysis, table: OpcodeTable, limits: GenerationLimits): Entry {
  if (code.size > MAX_COMPILED_CODE_SIZE) return { compiled: null, bytes: 64 };
  try {
    const generated = generate(code, basicBlocks(code, table), limits);
    // The text is the generator's own (see codegen.ts); the factory receives the runtime and the block tables as arguments.
    const factory = new Function(...RUNTIME_NAMES, "CH", "IX", generated.source) as (...runtime: unknown[]) => Chunk[];
    const chunks = factory(...RUNTIME_NAMES.map((name) => RUNTIME[name]), generated.chunkOf, generated.indexOf);
    return { compiled: driver(chunks, generated.chunkOf, generated.indexOf), bytes: 2 * generated.source.length + 4 * generated.chunkOf.length };
  } catch (error) {
    if (error instanceof TooLargeToCompile) return { compiled: null, bytes: 64 };
    throw error;
  }
}
