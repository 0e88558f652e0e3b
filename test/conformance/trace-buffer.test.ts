/**
 * conformance/interruptible/trace-buffer.ts: lines gathered by the worker's side come out of the
 * main thread's side whole, in order and once each, whatever their length against the buffer's.
 * Here one thread plays both sides: the flush request writes the buffer out at once.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTraceBuffer, TraceLineSink, writeGathered } from "../../conformance/interruptible/trace-buffer.js";

const dir = mkdtempSync(join(tmpdir(), "svm-trace-buffer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function roundTrip(capacity: number, lines: readonly string[]): { text: string; flushes: number } {
  const file = join(dir, `out-${capacity}-${lines.length}.txt`);
  const fd = openSync(file, "w");
  const shared = createTraceBuffer(capacity);
  let flushes = 0;
  const sink = new TraceLineSink(shared, () => {
    flushes++;
    writeGathered(shared, fd);
  });
  for (const line of lines) sink.writeLine(line);
  writeGathered(shared, fd);
  closeSync(fd);
  return { text: readFileSync(file, "utf8"), flushes };
}

describe("the trace buffer", () => {
  it("writes short lines in order, flushing only when full", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `{"pc":${i}}`);
    const { text, flushes } = roundTrip(64, lines);
    expect(text).toBe(lines.map((l) => `${l}\n`).join(""));
    expect(flushes).toBeGreaterThan(10);
    expect(flushes).toBeLessThan(40);
  });

  it("passes a line longer than the buffer through in pieces", () => {
    const lines = ["short", "x".repeat(1000), "after", "y".repeat(63), "z".repeat(64)];
    expect(roundTrip(64, lines).text).toBe(lines.map((l) => `${l}\n`).join(""));
  });

  it("writes nothing more when nothing was gathered", () => {
    expect(roundTrip(64, []).text).toBe("");
  });
});
