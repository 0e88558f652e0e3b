/**
 * z3-solver's WebAssembly heap is fixed at 2 GiB. When a query outgrows it, Emscripten aborts the
 * thread and prints the abort with pages of WebAssembly stack trace (from Z3's own threads, whose
 * output reaches the terminal through the solver worker's stderr). A user is owed one reason
 * instead: this watches a stream for the abort, reports it once, and drops everything printed
 * after it (that Z3 instance is broken and about to be replaced).
 */

/** Emscripten's words when the heap cannot grow. */
const OUT_OF_MEMORY = /Cannot enlarge memory arrays/;

export const OUT_OF_MEMORY_REASON = "Z3 ran out of memory (z3-solver's WebAssembly heap is 2 GiB)";

/** Replaces `stream.write` so that the abort calls `onOutOfMemory` once and silences the stream from then on. */
export function silenceAfterOutOfMemory(stream: NodeJS.WritableStream, onOutOfMemory: () => void): void {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  let aborted = false;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (!aborted && OUT_OF_MEMORY.test(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString())) {
      aborted = true;
      onOutOfMemory();
    }
    return aborted ? true : write(chunk, ...rest);
  }) as typeof stream.write;
}
