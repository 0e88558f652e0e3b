/**
 * Foundry projects where they stand (src/compile/project.ts, foundry-toml.ts): the root is found
 * by walking up to foundry.toml, else remappings.txt, else .git; foundry.toml's [profile.default]
 * src, test, libs and remappings are read, remappings.txt adds more, library folders are remapped
 * as forge detects them, and a caller's remappings win.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompileError, compileSolidityProject, findProjectRoot, projectLayout, readFoundryProfile } from "../../src/compile/index.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "svm-project-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe("foundry.toml", () => {
  it("reads [profile.default]'s src, test, libs and remappings past comments, other tables and other value types", () => {
    const profile = readFoundryProfile(
      `# a project
[profile.default]
src = "contracts"   # where the code is
test = 'tests'
libs = ["lib", 'node_modules',]
remappings = [
  "@oz/=lib/openzeppelin-contracts/contracts/", # comment inside
  "a:b/=c/",
]
optimizer = true
optimizer_runs = 200
fs_permissions = [{ access = "read", path = "./" }]
solc = "0.8.20"

[profile.ci]
src = "elsewhere"

[rpc_endpoints]
mainnet = "\${RPC}"
`,
      "foundry.toml",
    );
    expect(profile).toEqual({ src: "contracts", test: "tests", libs: ["lib", "node_modules"], remappings: ["@oz/=lib/openzeppelin-contracts/contracts/", "a:b/=c/"] });
  });

  it("reads a named profile over the default one, as FOUNDRY_PROFILE selects it", () => {
    const text = `[profile.default]\nsrc = "src"\ntest = "test"\n[profile.ci]\ntest = "ci-tests"\n`;
    expect(readFoundryProfile(text, "foundry.toml", "ci")).toEqual({ src: "src", test: "ci-tests" });
    expect(readFoundryProfile(text, "foundry.toml")).toEqual({ src: "src", test: "test" });
  });

  it("names the file and line of what it cannot read", () => {
    expect(() => readFoundryProfile(`[profile.default]\nsrc = "unterminated\n`, "x/foundry.toml")).toThrow(/x\/foundry\.toml:2: unterminated string/);
    expect(() => readFoundryProfile(`[profile.default]\nlibs = "lib"\n`, "foundry.toml")).toThrow(/libs must be an array of strings/);
  });
});

describe("project layout", () => {
  it("finds the root by foundry.toml before remappings.txt before .git, walking up from the target", () => {
    const root = tree({ "foundry.toml": "", "a/remappings.txt": "", "a/b/.git": "", "a/b/c/T.sol": "" });
    expect(findProjectRoot(join(root, "a/b/c/T.sol"))).toEqual({ root, marker: "foundry.toml" });
    const noToml = tree({ "remappings.txt": "", "b/.git": "", "b/c/T.sol": "" });
    expect(findProjectRoot(join(noToml, "b/c/T.sol"))).toEqual({ root: noToml, marker: "remappings.txt" });
    const gitOnly = tree({ ".git": "", "c/T.sol": "" });
    expect(findProjectRoot(join(gitOnly, "c"))).toEqual({ root: gitOnly, marker: ".git" });
  });

  it("gathers remappings: the caller's, foundry.toml's, remappings.txt's, then the libraries' own and one per library, first of each prefix", () => {
    const root = tree({
      "foundry.toml": `[profile.default]\nremappings = ["dup/=from-toml/"]\n`,
      "remappings.txt": "dup/=from-txt/\ntxt/=t/\n",
      "lib/withsrc/src/X.sol": "",
      "lib/flat/Y.sol": "",
      "lib/flat/remappings.txt": "@flat/=contracts/\nctx:skipped/=x/\n",
      "test/T.sol": "",
    });
    const layout = projectLayout(join(root, "test/T.sol"), { remappings: ["given/=g/"] });
    expect(layout.root).toBe(root);
    expect(layout.marker).toBe("foundry.toml");
    expect(layout.remappings).toEqual(["given/=g/", "dup/=from-toml/", "txt/=t/", "@flat/=lib/flat/contracts/", "flat/=lib/flat/", "withsrc/=lib/withsrc/src/"]);
    expect(layout.includePaths).toEqual([join(root, "lib"), join(root, "test")]);
    expect(projectLayout(join(root, "test/T.sol"), { root: join(root, "test") }).root).toBe(join(root, "test"));
  });

  it("compiles test/X.t.sol importing src/X.sol and a library through the layout", () => {
    const pragma = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n";
    const root = tree({
      "foundry.toml": `[profile.default]\nlibs = ["deps"]\n`,
      "deps/mylib/src/Lib.sol": `${pragma}library Lib { function one() internal pure returns (uint256) { return 1; } }\n`,
      "src/Counter.sol": `${pragma}import "mylib/Lib.sol";\ncontract Counter { function one() external pure returns (uint256) { return Lib.one(); } }\n`,
      "test/Counter.t.sol": `${pragma}import "src/Counter.sol";\ncontract CounterTest { Counter c = new Counter(); }\n`,
    });
    const layout = projectLayout(join(root, "test/Counter.t.sol"));
    const compiled = compileSolidityProject(join(root, "test/Counter.t.sol"), { root: layout.root, remappings: layout.remappings, includePaths: layout.includePaths });
    expect(compiled.contracts.map((c) => c.name).sort()).toEqual(["Counter", "CounterTest", "Lib"]);
  });

  it("names every folder searched for an import it cannot find", () => {
    const root = tree({ "foundry.toml": "", "lib/.keep": "", "test/T.sol": `pragma solidity ^0.8.20;\nimport "src/Missing.sol";\ncontract T {}\n` });
    const layout = projectLayout(join(root, "test/T.sol"));
    const compile = () => compileSolidityProject(join(root, "test/T.sol"), { root: layout.root, remappings: layout.remappings, includePaths: layout.includePaths });
    expect(compile).toThrow(CompileError);
    expect(compile).toThrow(`not found in ${root}, ${join(root, "lib")}, ${join(root, "test")}`);
  });
});
