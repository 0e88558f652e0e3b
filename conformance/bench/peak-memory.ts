/** Peak memory of one implementation on one benchmark, measured in a child process of its own. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { PeakMemory } from "./report.js";

const CHILD = fileURLToPath(new URL("./peak-memory-child.js", import.meta.url));

export class PeakMemoryError extends Error {
  readonly code = "PEAK_MEMORY";
}

export async function measurePeakMemory(registryModule: string, implementation: string, root: string, benchmark: string): Promise<PeakMemory> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [CHILD, registryModule, implementation, root, benchmark], { maxBuffer: 1 << 20 }));
  } catch (error) {
    throw new PeakMemoryError(`measuring ${implementation} on ${benchmark} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { baselineKiB, peakKiB } = JSON.parse(stdout) as { baselineKiB: number; peakKiB: number };
  return { benchmark, implementation, baselineMiB: baselineKiB / 1024, peakMiB: peakKiB / 1024 };
}
