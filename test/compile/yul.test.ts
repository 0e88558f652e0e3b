import { describe, expect, it } from "vitest";
import { bytesToHex } from "../../src/abi/index.js";
import { CompileError, compileYul } from "../../src/compile/index.js";

describe("compileYul", () => {
  it("compiles a plain block to the opcodes it names", () => {
    const compiled = compileYul("{ mstore(0, 42) return(0, 32) }");
    expect(compiled.name).toBe("object");
    // PUSH1 42, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN (arguments are pushed right to left)
    expect(bytesToHex(compiled.bytecode)).toMatch(/^0x602a5f52|^0x602a600052/);
    expect(compiled.bytecode.at(-1)).toBe(0xf3);
  });

  it("compiles an object with a runtime sub-object", () => {
    const compiled = compileYul(`object "Box" {
  code {
    datacopy(0, dataoffset("runtime"), datasize("runtime"))
    return(0, datasize("runtime"))
  }
  object "runtime" {
    code { mstore(0, sload(0)) return(0, 32) }
  }
}`);
    expect(compiled.name).toBe("Box");
    expect(compiled.bytecode.length).toBeGreaterThan(10);
  });

  it("reports errors with line and column", () => {
    try {
      compileYul("{\n  let x := add(1)\n}");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      expect((error as CompileError).message).toMatch(/^input\.yul:2:\d+: TypeError: Function "add" expects 2 arguments but got 1/);
    }
    expect(() => compileYul("  ")).toThrow(/empty Yul source/);
  });
});
