/**
 * What attaching a ProgressProbe (interface/implementation.ts) costs each implementation, the
 * figure docs/cli.md gives for `svm run`:
 *
 *   node dist/src/bench/progress-probe-cost.js [--runs N]
 *
 * Runs JUMPDEST, PUSH1 0, JUMP with 30,000,000 gas (7.4 million steps) N times (default 5)
 * without and with a probe that keeps its counts in shared memory, as `svm run`'s worker does,
 * alternating so that both see the same machine load, and prints the medians.
 */
import { singleCallCase } from "../../conformance/single-call.js";
import { loadFromRegistry } from "../../conformance/state-tests/load-implementation.js";
import type { ProgressProbe } from "../../interface/implementation.js";
import { implementations } from "../cli/implementations.js";

const TIGHT_LOOP = Uint8Array.from([0x5b, 0x60, 0x00, 0x56]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function sharedProbe(): ProgressProbe {
  const slots = new Float64Array(new SharedArrayBuffer(3 * Float64Array.BYTES_PER_ELEMENT));
  return {
    step(pc, depth) {
      slots[0] = slots[0]! + 1;
      slots[1] = pc;
      slots[2] = depth;
    },
  };
}

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag === -1 ? 5 : Number(process.argv[runsFlag + 1]);
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs expects a positive integer, got '${process.argv[runsFlag + 1]}'`);
const testCase = singleCallCase({ code: TIGHT_LOOP, gas: 30_000_000n });

for (const name of Object.keys(implementations)) {
  const implementation = await loadFromRegistry(implementations, name);
  await implementation.runStateTest(testCase);
  const plain: number[] = [];
  const probed: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await implementation.runStateTest(testCase);
    plain.push(performance.now() - start);
    start = performance.now();
    await implementation.runStateTest(testCase, { progress: sharedProbe() });
    probed.push(performance.now() - start);
  }
  const [without, withProbe] = [median(plain), median(probed)];
  console.log(`${name.padEnd(10)} without ${without.toFixed(0).padStart(6)} ms   with probe ${withProbe.toFixed(0).padStart(6)} ms   ×${(withProbe / without).toFixed(2)}`);
}
