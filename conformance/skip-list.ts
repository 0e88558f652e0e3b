/**
 * State-test cases the runner does not run, each with the reason why.
 *
 * Every entry is a regular expression over case ids (`file::test::fork::d<i>g<j>v<k>`) and a
 * written reason a reviewer can check. An entry belongs here only when the case cannot be run
 * meaningfully (e.g. it needs a feature outside a state test), never because an implementation
 * fails it: a failing case is a bug to fix, and hiding it would make the conformance figure lie.
 * Skipped cases are counted in the summary and listed by `svm statetest --verbose`.
 */
export interface SkipEntry {
  readonly pattern: RegExp;
  readonly reason: string;
}

export const stateTestSkipList: readonly SkipEntry[] = [];
