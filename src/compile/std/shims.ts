/**
 * The Solidity sources served for `ds-test/…` and `forge-std/…` imports when the project does not
 * provide them: written for the Synnergy VM (see the .sol files beside this module), compatible
 * with the interfaces of dapphub/ds-test and foundry-rs/forge-std that property suites import;
 * and `svm/SVM.sol`, SVM's own precompile library, served from the package's solidity/ folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFailure } from "../errors.js";

/** Source unit names with a built-in source, as a project imports them. */
export const SHIM_UNITS: readonly string[] = [
  "ds-test/test.sol",
  "forge-std/Test.sol",
  "forge-std/Base.sol",
  "forge-std/Vm.sol",
  "forge-std/StdAssertions.sol",
  "forge-std/StdCheats.sol",
  "forge-std/StdError.sol",
  "forge-std/StdInvariant.sol",
  "forge-std/StdMath.sol",
  "forge-std/StdUtils.sol",
  "forge-std/interfaces/IERC20.sol",
  "forge-std/console.sol",
  "forge-std/console2.sol",
];

/**
 * SVM's own Solidity library (docs/extensions.md, "SVM.sol"), served the same way from the
 * package's solidity/ folder. Apart from SHIM_UNITS: it needs Solidity ^0.8.4 (custom errors),
 * where the ds-test/forge-std surface compiles with 0.5 onwards.
 */
export const LIBRARY_UNITS: readonly string[] = ["svm/SVM.sol"];

/**
 * The .sol files live in src/compile/std/ and solidity/ of the package; this module runs from
 * src/compile/std/ (tests) or from dist/src/compile/std/ (the built CLI), so look for the package
 * root and go from it.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "src", "compile", "std", "ds-test", "test.sol"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      const here = fileURLToPath(import.meta.url);
      throw compileFailure("INPUT", "InstallError", `the built-in ds-test/forge-std sources are missing (looked above ${here})`);
    }
    dir = parent;
  }
}

let root: string | undefined;

/** The built-in source of a unit name from SHIM_UNITS or LIBRARY_UNITS, or undefined for any other name. */
export function shimSource(unitName: string): string | undefined {
  const library = LIBRARY_UNITS.includes(unitName);
  if (!library && !SHIM_UNITS.includes(unitName)) return undefined;
  root ??= packageRoot();
  return readFileSync(join(root, library ? "solidity" : join("src", "compile", "std"), unitName), "utf8");
}
