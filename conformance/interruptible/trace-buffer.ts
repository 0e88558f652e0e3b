/**
 * Trace lines on their way from an interruptible run's worker to a file descriptor. Writing each
 * EIP-3155 line with its own system call made tracing two to three times slower, and a buffer
 * private to the worker would be lost when the worker is terminated. So the worker gathers lines
 * in shared memory and only the main thread writes them: when the buffer is full (the worker
 * asks and waits), when the run has finished, and when it was stopped. A write is never cut off
 * by a terminated worker, so a stopped run shows every step it traced, each line once.
 *
 * Layout: two int32 slots, `end` (bytes gathered) and `state` (FLUSH_REQUESTED while the worker
 * waits for the main thread), then the bytes. The worker stores `end` only after the bytes, so a
 * worker stopped while appending leaves a shorter buffer, never a torn line.
 */
import { writeSync } from "node:fs";

const END = 0;
const STATE = 1;
const IDLE = 0;
const FLUSH_REQUESTED = 1;
const HEADER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
const DEFAULT_CAPACITY = 1 << 20;

export function createTraceBuffer(capacity = DEFAULT_CAPACITY): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + capacity);
}

/** The worker's side: appends lines; when one does not fit, has the main thread write the buffer out. */
export class TraceLineSink {
  private readonly slots: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly encoder = new TextEncoder();

  constructor(
    shared: SharedArrayBuffer,
    /** Tells the main thread that the buffer is full (a message it answers with writeGathered). */
    private readonly requestFlush: () => void,
  ) {
    this.slots = new Int32Array(shared, 0, 2);
    this.bytes = new Uint8Array(shared, HEADER_BYTES);
  }

  writeLine(line: string): void {
    const encoded = this.encoder.encode(`${line}\n`);
    // A line longer than the whole buffer (a very deep stack) goes through in buffer-sized pieces.
    for (let offset = 0; offset < encoded.length; ) {
      const end = this.slots[END]!;
      if (end === this.bytes.length || (end > 0 && encoded.length - offset > this.bytes.length - end)) {
        this.flush();
        continue;
      }
      const piece = encoded.subarray(offset, offset + this.bytes.length - end);
      this.bytes.set(piece, end);
      this.slots[END] = end + piece.length;
      offset += piece.length;
    }
  }

  private flush(): void {
    Atomics.store(this.slots, STATE, FLUSH_REQUESTED);
    this.requestFlush();
    while (Atomics.load(this.slots, STATE) === FLUSH_REQUESTED) Atomics.wait(this.slots, STATE, FLUSH_REQUESTED);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes`; a full non-blocking pipe (Node makes stdout one) answers EAGAIN or takes a part: wait and go on. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(sleeper, 0, 0, 1);
    }
  }
}

/** The main thread's side: writes what the worker gathered, empties the buffer and wakes a waiting worker. */
export function writeGathered(shared: SharedArrayBuffer, fd: number): void {
  const slots = new Int32Array(shared, 0, 2);
  writeAll(fd, new Uint8Array(shared, HEADER_BYTES, Atomics.load(slots, END)));
  Atomics.store(slots, END, 0);
  Atomics.store(slots, STATE, IDLE);
  Atomics.notify(slots, STATE);
}
