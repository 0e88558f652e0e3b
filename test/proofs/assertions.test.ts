/**
 * The vm.assert* cheatcodes on the concrete domain: every signature of Foundry's Vm.sol is served,
 * each holds or fails exactly as forge's (foundry crates/cheatcodes/src/test/assert.rs), with
 * forge's message; values from forge's own Assert.t.sol expectations where it has them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concreteWords } from "../../spec/word/concrete.js";
import { ASSERTION_CHEATCODES, formatUnits } from "../../proofs/assertions.js";
import { CHEATCODE_SIGNATURES } from "../../proofs/cheatcodes.js";
import { encodeCall, parseSignature, type AbiInput } from "../../src/abi/index.js";

/** Runs one assertion cheatcode on ABI-encoded arguments: undefined when it holds, else its message. */
function check(signature: string, ...args: AbiInput[]): string | undefined {
  const cheat = ASSERTION_CHEATCODES.get(signature);
  if (cheat === undefined) throw new Error(`no ${signature}`);
  return cheat(concreteWords, encodeCall(parseSignature(signature), args));
}

const ADDRESS = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
const ZERO_ADDRESS = `0x${"00".repeat(20)}`;

describe("vm.assert* cheatcodes", () => {
  it("serves the whole family of Foundry's Vm.sol (116 signatures), each also named for traces", () => {
    expect(ASSERTION_CHEATCODES.size).toBe(116);
    const served = new Set(CHEATCODE_SIGNATURES.values());
    for (const signature of ASSERTION_CHEATCODES.keys()) expect(served.has(signature), signature).toBe(true);
    for (const name of ["assertEq(bytes[],bytes[],string)", "assertNotEqDecimal(int256,int256,uint256)", "assertApproxEqRelDecimal(int256,int256,uint256,uint256,string)", "assertFalse(bool)"]) {
      expect(ASSERTION_CHEATCODES.has(name), name).toBe(true);
    }
  });

  it("serves every vm.assert* the built-in forge-std's Vm.sol declares", () => {
    const source = readFileSync(new URL("../../src/compile/std/forge-std/Vm.sol", import.meta.url), "utf8");
    const declared = [...source.matchAll(/function (assert\w*)\(([^)]*)\)/g)].map(
      ([, name, params]) => `${name}(${params!.split(",").map((p) => p.trim().split(/\s+/)[0]).join(",")})`,
    );
    expect(declared.length).toBe(108);
    for (const signature of declared) expect(ASSERTION_CHEATCODES.has(signature), signature).toBe(true);
  });

  it("assertTrue/assertFalse: the bare prefix, or the test's message alone", () => {
    expect(check("assertTrue(bool)", true)).toBeUndefined();
    expect(check("assertTrue(bool)", false)).toBe("assertion failed");
    expect(check("assertFalse(bool,string)", true, "must be off")).toBe("must be off");
    expect(check("assertFalse(bool,string)", false, "must be off")).toBeUndefined();
  });

  it("assertEq over value types shows both operands as forge displays them", () => {
    expect(check("assertEq(uint256,uint256)", 1n, 2n)).toBe("assertion failed: 1 != 2");
    expect(check("assertEq(uint256,uint256,string)", 4n, 3n, "x mod 7 must be 3")).toBe("x mod 7 must be 3: 4 != 3");
    expect(check("assertEq(uint256,uint256)", 5n, 5n)).toBeUndefined();
    expect(check("assertEq(int256,int256)", -1n, 1n)).toBe("assertion failed: -1 != 1");
    expect(check("assertEq(address,address)", ADDRESS, ZERO_ADDRESS)).toBe("assertion failed: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed != 0x0000000000000000000000000000000000000000");
    expect(check("assertEq(bytes32,bytes32)", `0x${"00".repeat(31)}01`, `0x${"00".repeat(32)}`)).toBe(`assertion failed: 0x${"0".repeat(63)}1 != 0x${"0".repeat(64)}`);
    expect(check("assertEq(bool,bool,string)", true, false, "flag")).toBe("flag: true != false");
    expect(check("assertEq(string,string)", "no", "yes")).toBe("assertion failed: no != yes");
    expect(check("assertEq(string,string)", "same", "same")).toBeUndefined();
    expect(check("assertEq(bytes,bytes)", "0x0102", "0x01")).toBe("assertion failed: 0x0102 != 0x01");
    expect(check("assertEq(bytes,bytes)", `0x${"ab".repeat(40)}`, `0x${"ab".repeat(40)}`)).toBeUndefined();
  });

  it("assertEq/assertNotEq over arrays compare element-wise and show `[a, b]`", () => {
    expect(check("assertEq(uint256[],uint256[])", [1n, 2n], [1n, 2n])).toBeUndefined();
    expect(check("assertEq(uint256[],uint256[])", [1n, 2n], [1n, 3n])).toBe("assertion failed: [1, 2] != [1, 3]");
    expect(check("assertEq(uint256[],uint256[])", [1n], [1n, 0n])).toBe("assertion failed: [1] != [1, 0]");
    expect(check("assertEq(int256[],int256[])", [-2n], [-2n])).toBeUndefined();
    expect(check("assertEq(string[],string[],string)", ["a", "bc"], ["a", "b"], "names")).toBe("names: [a, bc] != [a, b]");
    expect(check("assertEq(bytes[],bytes[])", ["0x01", "0x"], ["0x01", "0x"])).toBeUndefined();
    expect(check("assertEq(bool[],bool[])", [true], [false])).toBe("assertion failed: [true] != [false]");
    expect(check("assertNotEq(address[],address[])", [ADDRESS], [ADDRESS])).toBe("assertion failed: [0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed] == [0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed]");
    expect(check("assertNotEq(bytes32[],bytes32[])", [], [])).toBe("assertion failed: [] == []");
    // forge's own expectations (testdata/default/cheats/Assert.t.sol).
    expect(check("assertEq(string[],string[])", ["foo"], ["", "", "bar"])).toBe("assertion failed: [foo] != [, , bar]");
    expect(check("assertEq(bytes[],bytes[])", ["0x1111"], ["0x", "0x1234"])).toBe("assertion failed: [0x1111] != [0x, 0x1234]");
    expect(check("assertEq(int256[],int256[],string)", [5n, 0n], [(1n << 255n) - 1n], "msg")).toBe(`msg: [5, 0] != [${(1n << 255n) - 1n}]`);
  });

  it("orderings print the relation that holds instead, signed for int256", () => {
    expect(check("assertGt(uint256,uint256)", 2n, 1n)).toBeUndefined();
    expect(check("assertGt(uint256,uint256)", 1n, 1n)).toBe("assertion failed: 1 <= 1");
    expect(check("assertGe(uint256,uint256,string)", 0n, 1n, "low")).toBe("low: 0 < 1");
    expect(check("assertLt(int256,int256)", -1n, 0n)).toBeUndefined();
    expect(check("assertLt(uint256,uint256)", (1n << 256n) - 1n, 0n)).toBe(`assertion failed: ${(1n << 256n) - 1n} >= 0`);
    expect(check("assertLe(int256,int256)", 1n, -5n)).toBe("assertion failed: 1 > -5");
    expect(check("assertNotEq(int256,int256)", -3n, -3n)).toBe("assertion failed: -3 == -3");
  });

  it("Decimal forms format the operands with alloy's format_units", () => {
    expect(formatUnits(1_500_000_000_000_000_000n, 18n)).toBe("1.500000000000000000");
    expect(formatUnits(7n, 0n)).toBe("7.0");
    expect(formatUnits(-15n, 1n)).toBe("-1.5");
    expect(formatUnits(15n, 78n)).toBe("15");
    expect(check("assertEqDecimal(uint256,uint256,uint256)", 1500n, 1000n, 3n)).toBe("assertion failed: 1.500 != 1.000");
    expect(check("assertGtDecimal(int256,int256,uint256,string)", -25n, 10n, 1n, "price")).toBe("price: -2.5 <= 1.0");
    expect(check("assertNotEqDecimal(uint256,uint256,uint256)", 1n, 2n, 18n)).toBeUndefined();
  });

  it("assertApproxEqAbs bounds the distance, for int256 across zero too", () => {
    expect(check("assertApproxEqAbs(uint256,uint256,uint256)", 10n, 15n, 5n)).toBeUndefined();
    expect(check("assertApproxEqAbs(uint256,uint256,uint256)", 10n, 16n, 5n)).toBe("assertion failed: 10 !~= 16 (max delta: 5, real delta: 6)");
    const min = -(1n << 255n);
    const max = (1n << 255n) - 1n;
    expect(check("assertApproxEqAbs(int256,int256,uint256)", min, max, (1n << 256n) - 1n)).toBeUndefined();
    expect(check("assertApproxEqAbs(int256,int256,uint256,string)", -3n, 4n, 6n, "near")).toBe("near: -3 !~= 4 (max delta: 6, real delta: 7)");
    expect(check("assertApproxEqAbsDecimal(uint256,uint256,uint256,uint256)", 100n, 250n, 100n, 2n)).toBe("assertion failed: 1.00 !~= 2.50 (max delta: 1.00, real delta: 1.50)");
  });

  it("assertApproxEqRel: 10^18 is 100%, shown as a percentage; a zero right side only matches zero", () => {
    const tenPercent = 10n ** 17n;
    expect(check("assertApproxEqRel(uint256,uint256,uint256)", 110n, 100n, tenPercent)).toBeUndefined();
    expect(check("assertApproxEqRel(uint256,uint256,uint256)", 111n, 100n, tenPercent)).toBe(
      "assertion failed: 111 !~= 100 (max delta: 10.0000000000000000%, real delta: 11.0000000000000000%)",
    );
    expect(check("assertApproxEqRel(uint256,uint256,uint256)", 0n, 0n, 0n)).toBeUndefined();
    expect(check("assertApproxEqRel(uint256,uint256,uint256,string)", 1n, 0n, tenPercent, "ratio")).toBe("ratio: 1 !~= 0 (max delta: 10.0000000000000000%, real delta: undefined)");
    expect(check("assertApproxEqRel(int256,int256,uint256)", -90n, -100n, tenPercent)).toBeUndefined();
    expect(check("assertApproxEqRel(int256,int256,uint256)", -89n, -100n, tenPercent)).toBe(
      "assertion failed: -89 !~= -100 (max delta: 10.0000000000000000%, real delta: 11.0000000000000000%)",
    );
    // |left - right| · 10^18 / right beyond 2^256: forge reports the overflow.
    expect(check("assertApproxEqRel(uint256,uint256,uint256)", (1n << 256n) - 1n, 1n, (1n << 256n) - 1n)).toBe("assertion failed: overflow in delta calculation");
    // The largest delta that fits still holds under the largest maximum (the 512-bit comparison).
    expect(check("assertApproxEqRel(uint256,uint256,uint256)", (1n << 256n) - 1n, 1n << 100n, (1n << 256n) - 1n)).toBeUndefined();
    expect(check("assertApproxEqRelDecimal(uint256,uint256,uint256,uint256)", 1200n, 1000n, tenPercent, 3n)).toBe(
      "assertion failed: 1.200 !~= 1.000 (max delta: 10.0000000000000000%, real delta: 20.0000000000000000%)",
    );
  });
});
