/** Compiling real files with every installed compiler, through remappings and the built-in shims. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selectorHex } from "../../src/abi/index.js";
import { CompileError, compileSolidity, compileSolidityProject, SHIM_UNITS } from "../../src/compile/index.js";

let root: string;

function write(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "svm-compile-"));
  write({
    "src/Counter.sol": `// SPDX-License-Identifier: MIT
pragma solidity >=0.5.0 <0.9.0;
import "mylib/Math.sol";
contract Counter {
    uint128 public small;
    uint128 public other;
    mapping(address => uint256) public balances;
    function bump(uint256 by) public { small = uint128(MathLib.add(small, by)); }
}
`,
    "vendor/math/Math.sol": `// SPDX-License-Identifier: MIT
pragma solidity >=0.5.0 <0.9.0;
library MathLib { function add(uint256 a, uint256 b) internal pure returns (uint256) { return a + b; } }
`,
    "test/Counter.t.sol": `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.13;
import {Test, console2, stdError} from "forge-std/Test.sol";
import "../src/Counter.sol";
contract CounterTest is Test {
    Counter counter;
    function setUp() public { counter = new Counter(); }
    function prove_bump(uint64 x) public {
        vm.assume(x < 100);
        counter.bump(x);
        console2.log("small", uint256(counter.small()));
        assertEq(uint256(counter.small()), uint256(x));
        assertEq(bound(x, 5, 10) >= 5, true);
    }
}
`,
    "remappings.txt": "mylib/=vendor/math/\n",
  });
});

describe("compileSolidity", () => {
  it("resolves relative imports, remappings.txt and forge-std, and returns every contract", () => {
    const compilation = compileSolidityProject(join(root, "test/Counter.t.sol"), { root });
    expect(compilation.compilerVersion).toMatch(/^0\.8\./);
    expect(compilation.entry).toBe("test/Counter.t.sol");
    const names = compilation.contracts.map((c) => c.fullyQualifiedName);
    expect(names).toEqual(
      expect.arrayContaining([
        "test/Counter.t.sol:CounterTest",
        "src/Counter.sol:Counter",
        "vendor/math/Math.sol:MathLib",
        "forge-std/Test.sol:Test",
        "ds-test/test.sol:DSTest",
        "forge-std/Vm.sol:Vm",
      ]),
    );
    const test = compilation.contracts.find((c) => c.name === "CounterTest");
    expect(test?.methodIdentifiers["prove_bump(uint64)"]).toBe(selectorHex("prove_bump(uint64)").slice(2));
    expect(test?.runtimeBytecode.length).toBeGreaterThan(100);
    expect(test?.deployedSourceMap).toMatch(/^\d+:\d+:\d+:/);
    const vm = compilation.contracts.find((c) => c.name === "Vm");
    expect(vm?.creationBytecode.length).toBe(0);
  });

  it("serves the built-ins in place of remapped libraries that are not installed, with a warning", () => {
    write({
      "foundry/remappings.txt": "forge-std/=lib/forge-std/src/\nds-test/=lib/forge-std/lib/ds-test/src/\n",
      "foundry/test/T.t.sol":
        '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport {Test} from "forge-std/Test.sol";\ncontract T is Test {}\n',
    });
    const foundry = join(root, "foundry");
    const compilation = compileSolidityProject(join(foundry, "test/T.t.sol"), { root: foundry });
    expect(compilation.contracts.map((c) => c.fullyQualifiedName)).toEqual(
      expect.arrayContaining(["lib/forge-std/src/Test.sol:Test", "lib/forge-std/src/Vm.sol:Vm", "lib/forge-std/lib/ds-test/src/test.sol:DSTest"]),
    );
    expect(compilation.warnings.map((w) => `${w.file}: ${w.message}`)).toContain(
      "lib/forge-std/src/Test.sol: not found under the root; compiled the built-in forge-std/Test.sol in its place",
    );
    write({ "foundry/lib/forge-std/src/Test.sol": "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nabstract contract Test { uint256 marker; }\n" });
    const installed = compileSolidityProject(join(foundry, "test/T.t.sol"), { root: foundry });
    expect(installed.contracts.map((c) => c.name).sort()).toEqual(["T", "Test"]);
    expect(installed.warnings).toEqual([]);
  });

  it("reports storage layout with packed slots", () => {
    const counter = compileSolidity(join(root, "src/Counter.sol"), { root }).find((c) => c.name === "Counter");
    const layout = counter?.storageLayout?.storage.map((s) => [s.label, s.slot, s.offset]);
    expect(layout).toEqual([
      ["small", 0n, 0],
      ["other", 0n, 16],
      ["balances", 1n, 0],
    ]);
    expect(counter?.storageLayout?.types["t_uint128"]?.numberOfBytes).toBe(16);
  });

  it("chooses the newest compiler each pragma allows", () => {
    const cases: [string, string, RegExp][] = [
      ["v4.sol", "pragma solidity ^0.4.24;\ncontract V { function f() public pure returns (uint) { return 1; } }", /^0\.4\.26/],
      ["v5.sol", 'pragma solidity ^0.5.0;\nimport "ds-test/test.sol";\ncontract V is DSTest { function test_x() public { assertTrue(true); } }', /^0\.5\.17/],
      ["v6.sol", 'pragma solidity ^0.6.2;\nimport "forge-std/Test.sol";\ncontract V is Test { function test_x() public { vm.assume(true); console.log(uint256(1)); } }', /^0\.6\.12/],
      ["v7.sol", 'pragma solidity >=0.7.0 <0.8.0;\nimport "forge-std/Test.sol";\nimport "forge-std/console2.sol";\ncontract V is Test { function test_x() public { vm.warp(1); console2.log("x", uint(1)); } }', /^0\.7\.6/],
      ["v8.sol", "pragma solidity >=0.4.0;\ncontract V {}", /^0\.8\./],
    ];
    for (const [name, source, version] of cases) {
      write({ [name]: `// SPDX-License-Identifier: MIT\n${source}` });
      const compiled = compileSolidity(join(root, name), { root, remappings: [] });
      expect(compiled[0]?.compilerVersion, name).toMatch(version);
    }
  });

  it("takes every pragma of the import graph into account", () => {
    write({
      "old/Base.sol": "// SPDX-License-Identifier: MIT\npragma solidity <0.7.0;\ncontract Base {}",
      "old/Top.sol": '// SPDX-License-Identifier: MIT\npragma solidity >=0.5.0;\nimport "./Base.sol";\ncontract Top is Base {}',
    });
    expect(compileSolidity(join(root, "old/Top.sol"), { root })[0]?.compilerVersion).toMatch(/^0\.6\.12/);
  });

  it("relaxes a pin to a missing version only when asked, keeping offsets", () => {
    write({ "pinned/P.sol": "// SPDX-License-Identifier: MIT\npragma solidity 0.8.19;\ncontract P { function f() public { uint x = 1 } }\n" });
    const file = join(root, "pinned/P.sol");
    expect(captured(() => compileSolidity(file, { root })).code).toBe("VERSION");
    const error = captured(() => compileSolidity(file, { root, relaxPinnedVersions: true }));
    expect(error.message).toBe("pinned/P.sol:3:47: ParserError: Expected ';' but got '}'");
    write({ "pinned/Q.sol": "// SPDX-License-Identifier: MIT\npragma solidity 0.8.19;\ncontract Q {}\n" });
    const compiled = compileSolidityProject(join(root, "pinned/Q.sol"), { root, relaxPinnedVersions: true });
    expect(compiled.compilerVersion).toMatch(/^0\.8\./);
    expect(compiled.warnings[0]?.message).toMatch(/^pragma solidity 0\.8\.19 pins a compiler that is not installed; compiled with 0\.8\./);
    expect(compiled.sources.byId.get(0)?.content).toContain("pragma solidity 0.8.19;");
    write({ "pinned/R.sol": "pragma solidity 0.9.1;\ncontract R {}\n" });
    expect(captured(() => compileSolidity(join(root, "pinned/R.sol"), { root, relaxPinnedVersions: true })).code).toBe("VERSION");
  });

  it("reports errors as file:line:col without a stack trace", () => {
    write({ "bad/Syntax.sol": "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract S {\n  function f() public { uint x = 1 }\n}\n" });
    // the '}' is the 36th character of line 4, where solc's own formatted message points too
    const error = captured(() => compileSolidity(join(root, "bad/Syntax.sol"), { root }));
    expect(error.code).toBe("COMPILE");
    expect(error.message).toBe("bad/Syntax.sol:4:36: ParserError: Expected ';' but got '}'");
    expect(error.diagnostics[0]).toMatchObject({ file: "bad/Syntax.sol", line: 4, column: 36 });
  });

  it("reports a missing import where it is imported", () => {
    write({ "bad/Import.sol": '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n\nimport "nowhere/X.sol";\ncontract I {}\n' });
    const error = captured(() => compileSolidity(join(root, "bad/Import.sol"), { root }));
    expect(error.message).toMatch(/^bad\/Import\.sol:4:1: ParserError: Source "nowhere\/X\.sol" not found/);
  });

  it("reports type errors in imported files with their own location", () => {
    write({
      "bad/lib/L.sol": "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\ncontract L { function f() public { undefinedName = 1; } }\n",
      "bad/UsesL.sol": '// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport "./lib/L.sol";\ncontract U is L {}\n',
    });
    const error = captured(() => compileSolidity(join(root, "bad/UsesL.sol"), { root }));
    expect(error.message).toMatch(/^bad\/lib\/L\.sol:3:36: DeclarationError: Undeclared identifier/);
  });

  it("rejects a pragma no installed compiler satisfies, and a missing file", () => {
    write({ "bad/Future.sol": "pragma solidity ^0.9.0;\ncontract F {}" });
    const version = captured(() => compileSolidity(join(root, "bad/Future.sol"), { root }));
    expect(version.code).toBe("VERSION");
    expect(version.message).toMatch(/no installed compiler satisfies '\^0\.9\.0' \(bad\/Future\.sol\); installed: 0\.8\.\d+, 0\.7\.6/);
    write({ "bad/Garbled.sol": "pragma solidity ^0.8.x.1;\ncontract G {}" });
    const garbled = captured(() => compileSolidity(join(root, "bad/Garbled.sol"), { root }));
    expect(garbled.message).toMatch(/^bad\/Garbled\.sol: VersionError: pragma solidity \^0\.8\.x\.1: /);
    expect(captured(() => compileSolidity(join(root, "bad/None.sol"), { root })).code).toBe("INPUT");
    expect(captured(() => compileSolidity(join(root, "src/Counter.sol"), { root, remappings: ["broken"] })).code).toBe("INPUT");
  });

  it("compiles every built-in shim on its own", () => {
    for (const unit of SHIM_UNITS) {
      write({ [`shimcheck/${unit.replace("/", "_")}`]: `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\nimport "${unit}";\n` });
      expect(() => compileSolidity(join(root, `shimcheck/${unit.replace("/", "_")}`), { root })).not.toThrow();
    }
  });
});

function captured(run: () => unknown): CompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error("expected a CompileError");
}
