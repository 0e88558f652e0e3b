/**
 * default-visibility — a state-changing function left public by default.
 *
 * Finds: before Solidity 0.5 (which made visibility mandatory) a function declared without
 *   `public`, `external`, `internal` or `private` is public; flagged when it writes state and does
 *   not check its caller: a helper meant to be internal that anyone can call (the Parity wallet's
 *   `initWallet`, which writes through the internal functions it calls).
 * SWC: SWC-100 (Function Default Visibility). Category: access_control.
 * Severity: low. Confidence: medium.
 * Recommendation: state every function's visibility; make helpers internal or private.
 */
import { srcStart } from "../analysis/ast.js";
import { callerRestricted } from "../analysis/access.js";
import { stateWritesReaching } from "../analysis/expressions.js";
import { blankComments } from "../../compile/sourceScan.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

const VISIBILITY = /\b(public|external|internal|private)\b/;

export const defaultVisibility: Detector = {
  info: {
    id: "default-visibility",
    title: "Function public by default",
    swc: "SWC-100",
    category: "access_control",
    severity: "low",
    confidence: "medium",
    description:
      "Before Solidity 0.5 a function without a visibility keyword is public; a state-changing helper meant to be internal is then callable by anyone.",
    recommendation: "Declare the visibility of every function; make helpers internal or private.",
  },
  detect(program) {
    const hits: Hit[] = [];
    if (!program.compilerVersion.startsWith("0.4.")) return hits;
    for (const fn of implementedFunctions(program)) {
      if (fn.kind !== "function") continue;
      const header = fn.contract.source.between(srcStart(fn.node), srcStart(fn.body));
      if (VISIBILITY.test(blankComments(header))) continue;
      if (stateWritesReaching(fn.body, program).length === 0 || callerRestricted(fn, program)) continue;
      hits.push({ contract: fn.contract, function: fn, node: fn.node, message: `${fn.signature} writes state and is public only by default` });
    }
    return hits;
  },
};
