/**
 * A file of text lines written synchronously in large chunks. A tracer is called once per
 * executed instruction from inside the interpreter's loop, so it cannot await a stream; batching
 * keeps millions of small writes cheap.
 */
import { closeSync, openSync, writeSync } from "node:fs";

const FLUSH_CHARS = 1 << 20;

export class LineFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
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
    closeSync(this.fd);
  }
}
