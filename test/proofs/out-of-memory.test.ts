/**
 * A solver worker's stderr after Z3 runs out of WebAssembly memory: the abort is reported once and
 * its stack trace, and whatever follows, never reaches the terminal; ordinary output still does.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { silenceAfterOutOfMemory } from "../../proofs/z3/out-of-memory.js";

function recordingStream(): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  return { stream, written };
}

describe("silenceAfterOutOfMemory", () => {
  it("passes ordinary output, reports the abort once, and drops it and all that follows", () => {
    const { stream, written } = recordingStream();
    let reports = 0;
    silenceAfterOutOfMemory(stream, () => reports++);
    stream.write("a warning\n");
    stream.write("Aborted(Cannot enlarge memory arrays to size 2257481728 bytes (OOM).)\n");
    stream.write("    at abort (z3-built.js:848:11)\n");
    stream.write(Buffer.from("Aborted(Cannot enlarge memory arrays to size 2246524928 bytes (OOM).)\n"));
    expect(reports).toBe(1);
    expect(written).toEqual(["a warning\n"]);
  });

  it("recognises the abort in bytes as well as in text", () => {
    const { stream, written } = recordingStream();
    let reports = 0;
    silenceAfterOutOfMemory(stream, () => reports++);
    stream.write(Buffer.from("worker: RuntimeError: Aborted(Cannot enlarge memory arrays to size 1 bytes)\n"));
    expect(reports).toBe(1);
    expect(written).toEqual([]);
  });
});
