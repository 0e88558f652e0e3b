/**
 * Child process of the peak-memory measurement: loads one implementation (by name, through the
 * registry module the parent names, as the state-test workers do) and one benchmark, runs it
 * once, and prints `{"baselineKiB": …, "peakKiB": …}` on stdout. A process of its own per
 * implementation is what makes the RSS high-water mark belong to that implementation alone.
 *
 * Arguments: <registry module path> <implementation> <benchmarks root> <benchmark name>
 */
import { loadFromRegistryModule } from "../state-tests/load-implementation.js";
import { loadBenchmarks } from "./suite.js";

const [registryModule, implementationName, root, benchmarkName] = process.argv.slice(2);
if (registryModule === undefined || implementationName === undefined || root === undefined || benchmarkName === undefined) {
  throw new Error("usage: peak-memory-child <registry module> <implementation> <benchmarks root> <benchmark name>");
}
const implementation = await loadFromRegistryModule(registryModule, implementationName);
const benchmark = loadBenchmarks(root).find((b) => b.name === benchmarkName);
if (benchmark === undefined) throw new Error(`no benchmark named ${benchmarkName} under ${root}`);
const baselineKiB = Math.round(process.memoryUsage().rss / 1024);
await implementation.runStateTest(benchmark.testCase);
process.stdout.write(JSON.stringify({ baselineKiB, peakKiB: process.resourceUsage().maxRSS }) + "\n");
