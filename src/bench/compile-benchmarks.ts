/**
 * The compile tier's worst cases (issue 12, item 4): for each adversarial code, the time the tier
 * takes to translate it (generating the text and `new Function`), the memory its cache entry is
 * estimated at, and whether it was compiled or left to the interpreter. Each run uses a fresh
 * cache, so every run compiles; the median is reported.
 */
import { analysisOf } from "../vm/analysis.js";
import { CompiledCodeCache } from "../vm/compile/cache.js";
import { scheduleOf } from "../vm/forks.js";
import { opcodeTable } from "../vm/opcodes.js";
import { type CompileCase, padTable } from "../../conformance/bench/report.js";
import { median } from "../../conformance/bench/statistics.js";
import { ADVERSARIAL_CODES } from "./adversarial-code.js";


export function compileBenchmarks(filter: RegExp | undefined, runs: number): CompileCase[] {
  const table = opcodeTable(scheduleOf("Osaka"));
  return ADVERSARIAL_CODES.filter((c) => filter === undefined || filter.test(c.name)).map(({ name, code }) => {
    const times: number[] = [];
    let compiled = false;
    let cacheBytes = 0;
    for (let run = 0; run < runs; run++) {
      const cache = new CompiledCodeCache();
      cache.get(`bench:${name}`, analysisOf(code), table);
      const stats = cache.stats();
      times.push(stats.compileMs);
      compiled = stats.compiled === 1;
      cacheBytes = stats.bytes;
    }
    return { name, codeBytes: code.length, compiled, medianMs: median(times), maxMs: Math.max(...times), cacheBytes };
  });
}

export function compileBenchmarksTable(cases: readonly CompileCase[]): string {
  const rows = cases.map((c) => [
    c.name,
    c.compiled ? "compiled" : "left to the interpreter",
    c.codeBytes.toString(),
    c.medianMs.toFixed(1),
    c.maxMs.toFixed(1),
    (c.cacheBytes / (1024 * 1024)).toFixed(2),
  ]);
  return padTable([["benchmark", "verdict", "code bytes", "compile ms (median)", "compile ms (max)", "cache MiB"], ...rows], 2);
}
