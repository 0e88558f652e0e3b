/**
 * constructor-name — a function meant as the constructor that anyone can call.
 *
 * Finds: a public state-changing function (not the constructor) named like its contract up to
 *   letter case, or named `Constructor`: before 0.4.22 the constructor was the function with
 *   exactly the contract's name, so a typo leaves an ordinary public function that re-initialises
 *   the owner.
 * SWC: SWC-118 (Incorrect Constructor Name). Category: access_control.
 * Severity: high. Confidence: high.
 * Recommendation: use the `constructor` keyword.
 */
import { stateWrites } from "../analysis/expressions.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const constructorName: Detector = {
  info: {
    id: "constructor-name",
    title: "Incorrect constructor name",
    swc: "SWC-118",
    category: "access_control",
    severity: "high",
    confidence: "high",
    description:
      "A function named like the contract but not its constructor stays callable after deployment; the initialisation it does (setting the owner) can be repeated by anyone.",
    recommendation: "Declare the constructor with the constructor keyword.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      if (fn.kind !== "function" || !fn.callable || fn.mutability === "view" || fn.mutability === "pure") continue;
      if (stateWrites(fn.body, program).length === 0) continue;
      const lower = fn.name.toLowerCase();
      if (lower !== fn.contract.name.toLowerCase() && lower !== "constructor") continue;
      hits.push({ contract: fn.contract, function: fn, node: fn.node, message: `${fn.signature} looks like the constructor of ${fn.contract.name} but is a public function` });
    }
    return hits;
  },
};
