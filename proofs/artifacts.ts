/**
 * The compiled contracts a test may name to `vm.getCode` (and so to forge-std's `deployCode`):
 * by contract name, by file ("Counter.sol", the contract named after it), or by both
 * ("Counter.sol:Counter", with or without the file's folders), as forge resolves artifacts.
 */
export interface Artifact {
  readonly name: string;
  /** The source unit it was compiled from, e.g. "src/Counter.sol". */
  readonly sourceName: string;
  readonly creation: Uint8Array;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** The creation code `what` names, if exactly one artifact matches it. */
export function findArtifact(artifacts: readonly Artifact[], what: string): Uint8Array | undefined {
  const colon = what.lastIndexOf(":");
  const [file, name] = colon >= 0 ? [what.slice(0, colon), what.slice(colon + 1)] : what.endsWith(".sol") ? [what, baseName(what).slice(0, -4)] : [undefined, what];
  const matches = artifacts.filter(
    (a) => a.name === name && (file === undefined || a.sourceName === file || a.sourceName.endsWith(`/${file}`) || baseName(a.sourceName) === file),
  );
  return matches.length === 1 ? matches[0]!.creation : undefined;
}
