/**
 * uninitialised-storage-pointer — a local struct or array that points at storage slot 0.
 *
 * Finds: a local storage reference (a struct, array or mapping, with `storage` or, before 0.5, no
 *   data location) declared without a value, which compilers before 0.5 accept and point at
 *   storage slot 0: writing through it overwrites the first state variables (often the owner).
 * SWC: SWC-109 (Uninitialized Storage Pointer). Category: other.
 * Severity: high. Confidence: high.
 * Recommendation: declare it `memory`, or initialise it with the storage it should point to.
 */
import { descendants, list } from "../analysis/ast.js";
import { type Detector, type Hit, implementedFunctions } from "./detector.js";

export const uninitialisedStoragePointer: Detector = {
  info: {
    id: "uninitialised-storage-pointer",
    title: "Uninitialised storage pointer",
    swc: "SWC-109",
    category: "other",
    severity: "high",
    confidence: "high",
    description:
      "Before Solidity 0.5 a local struct or array declared without a value points at storage slot 0; writing to it overwrites the contract's first state variables.",
    recommendation: "Declare the variable memory, or assign it the storage location it is meant to reference.",
  },
  detect(program) {
    const hits: Hit[] = [];
    for (const fn of implementedFunctions(program)) {
      for (const statement of descendants(fn.body)) {
        if (statement.nodeType !== "VariableDeclarationStatement" || statement.initialValue != null) continue;
        for (const variable of list(statement, "declarations")) {
          const type = variable.typeDescriptions as { typeIdentifier?: string } | undefined;
          if (!String(type?.typeIdentifier ?? "").endsWith("_storage_ptr")) continue;
          hits.push({
            contract: fn.contract,
            function: fn,
            node: statement,
            message: `${fn.signature}: ${String(variable.name)} points at storage slot 0`,
          });
        }
      }
    }
    return hits;
  },
};
