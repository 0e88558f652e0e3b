/**
 * One report per weakness: a bytecode finding on lines an AST finding of the same class (a twin
 * SWC id) already covers is not reported again; its evidence is added to the AST finding, whose
 * confidence goes up one step (two analyses agree), and whose id stays (ids are stable across
 * versions of the tool). Bytecode findings no AST finding covers are reported on their own.
 */
import { CONFIDENCES, type Confidence, type Finding } from "../finding.js";

export interface BytecodeFindings {
  /** SWC ids of the AST findings these findings merge with. */
  readonly twins: readonly string[];
  readonly findings: readonly Finding[];
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.location.file === b.location.file && a.location.line <= b.location.endLine && b.location.line <= a.location.endLine;
}

function raised(confidence: Confidence): Confidence {
  return CONFIDENCES[Math.max(0, CONFIDENCES.indexOf(confidence) - 1)] as Confidence;
}

export function mergeBytecodeFindings(ast: readonly Finding[], bytecode: readonly BytecodeFindings[]): Finding[] {
  const merged = [...ast];
  /** AST finding index → the bytecode detectors whose evidence it already carries. */
  const corroborated = new Map<number, Set<string>>();
  const own: Finding[] = [];
  for (const { twins, findings } of bytecode) {
    for (const finding of findings) {
      const twin = merged.findIndex((f) => twins.includes(f.detector.swc) && overlaps(f, finding));
      if (twin < 0) {
        if (!own.some((f) => f.detector.swc === finding.detector.swc && overlaps(f, finding))) own.push(finding);
        continue;
      }
      const found = merged[twin] as Finding;
      const by = corroborated.get(twin) ?? new Set<string>();
      if (by.has(finding.detector.id)) continue;
      const confidence = by.size > 0 ? found.detector.confidence : raised(found.detector.confidence);
      corroborated.set(twin, by.add(finding.detector.id));
      merged[twin] = {
        ...found,
        detector: { ...found.detector, confidence },
        message: `${found.message}. Bytecode (${finding.detector.id}): ${finding.message}`,
      };
    }
  }
  return [...merged, ...own];
}
