/**
 * A fixed, stratified sample of state-test cases: every `every`-th case (in id order) of every
 * folder, starting with the folder's first, so each area of a suite is represented and the same
 * cases run every time. Shared by the sample tests of ethereum/tests and execution-spec-tests.
 */
import { readFileSync } from "node:fs";
import { decodeStateTestFile } from "../../conformance/formats/state-tests.js";
import { listCases, type CaseRef } from "../../conformance/state-tests/cases.js";
import type { StateTestFileRef } from "../../conformance/state-tests/files.js";
import { compareIds } from "../../conformance/state-tests/selection.js";

export function sampleIds(files: readonly StateTestFileRef[], every: number, keep: (ref: CaseRef) => boolean): Set<string> {
  const byFolder = new Map<string, string[]>();
  for (const { path, fileId } of files) {
    const decoded = decodeStateTestFile(readFileSync(path, "utf8"));
    const folder = fileId.includes("/") ? fileId.slice(0, fileId.lastIndexOf("/")) : ".";
    const ids = byFolder.get(folder) ?? [];
    // A malformed file stays in the sample as its own id, so the run reports it as a failure.
    if (!decoded.ok) ids.push(fileId);
    else ids.push(...listCases(fileId, decoded.tests).filter(keep).map((ref) => ref.id));
    byFolder.set(folder, ids);
  }
  const sample = new Set<string>();
  for (const ids of byFolder.values()) {
    ids.sort(compareIds).forEach((id, position) => {
      if (position % every === 0) sample.add(id);
    });
  }
  return sample;
}
