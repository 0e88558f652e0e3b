/**
 * A file of text lines written synchronously in large chunks. A tracer is called once per
 * executed instruction from inside the interpreter's loop, so it cannot await a stream; batching
 * keeps millions of small writes cheap.
 */
import { closeSync, openSync, writeSync } from "node:fs";

const FLUSH_CHARS = 1 << 20;

export class LineFile {
  private readonly fd: number;
  /** Whether close() closes the descriptor: not when it was given (stderr belongs to the process). */
  private readonly owned: boolean;
  private pending: string[] = [];
  private pendingChars = 0;

  /** A path to create, or an open file descriptor (2 for stderr). */
  constructor(target: string | number) {
    this.owned = typeof target === "string";
    this.fd = typeof target === "string" ? openSync(target, "w") : target;
  }

  readonly writeLine = (line: string): void => {
    this.pending.push(line, "\n");
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  };

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingChars = 0;
  }

  close(): void {
    this.flush();
    if (this.owned) closeSync(this.fd);
  }
}
