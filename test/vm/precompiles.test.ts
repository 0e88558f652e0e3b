/** Precompiles 0x01-0x09 against independent computations and the EIPs' worked examples. */
import { bn254 } from "@noble/curves/bn254.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { bigIntToBytes, bytesToBigInt, concatBytes } from "../../src/vm/bytes.js";
import { type ForkSchedule, scheduleOf } from "../../src/vm/forks.js";
import { keccak256 } from "../../src/vm/keccak.js";
import { precompileAt, type PrecompileResult } from "../../src/vm/precompiles/index.js";

const cancun = scheduleOf("Cancun");
const word = (value: bigint): Uint8Array => bigIntToBytes(value, 32);

function call(address: number, input: Uint8Array, gas = 10_000_000, fork: ForkSchedule = cancun): PrecompileResult {
  const precompile = precompileAt(BigInt(address), fork);
  if (precompile === undefined) throw new Error(`no precompile at ${address}`);
  return precompile(input, gas, fork);
}

function output(result: PrecompileResult): Uint8Array {
  if (typeof result === "string") throw new Error(`precompile: ${result}`);
  return result.output;
}

describe("precompiles", () => {
  it("are enabled per fork", () => {
    expect(precompileAt(5n, scheduleOf("Homestead"))).toBeUndefined();
    expect(precompileAt(9n, scheduleOf("Byzantium"))).toBeUndefined();
    expect(precompileAt(10n, scheduleOf("Shanghai"))).toBeUndefined();
    expect(precompileAt(10n, cancun)).toBeDefined();
    expect(precompileAt(11n, cancun)).toBeUndefined();
  });

  it("ECRECOVER returns the signer, and nothing for a bad v", () => {
    const secret = secp256k1.utils.randomSecretKey();
    const hash = keccak256(new TextEncoder().encode("synnergy"));
    const signature = secp256k1.sign(hash, secret, { prehash: false, format: "recovered" });
    const recovery = signature[0]!;
    const r = signature.subarray(1, 33);
    const s = signature.subarray(33, 65);
    const publicKey = secp256k1.getPublicKey(secret, false).subarray(1);
    const address = bytesToBigInt(keccak256(publicKey).subarray(12));
    const input = concatBytes(hash, word(27n + BigInt(recovery)), r, s);
    expect(bytesToBigInt(output(call(1, input)))).toBe(address);
    expect(output(call(1, concatBytes(hash, word(29n), r, s)))).toEqual(new Uint8Array(0));
    expect(call(1, input, 2999)).toBe("out of gas");
  });

  it("SHA256, RIPEMD160 and IDENTITY hash or copy, priced per word", () => {
    const data = new Uint8Array(33).fill(0xab);
    expect(call(2, data)).toEqual({ gasUsed: 60 + 12 * 2, output: sha256(data) });
    expect(call(3, data)).toEqual({ gasUsed: 600 + 120 * 2, output: concatBytes(new Uint8Array(12), ripemd160(data)) });
    expect(call(4, data)).toEqual({ gasUsed: 15 + 3 * 2, output: data });
  });

  it("MODEXP computes Fermat's little theorem at the EIP-198 / EIP-2565 prices", () => {
    const p = (1n << 256n) - (1n << 32n) - 977n;
    const input = concatBytes(word(32n), word(32n), word(32n), word(3n), word(p - 1n), word(p));
    expect(call(5, input)).toEqual({ gasUsed: 1360, output: word(1n) });
    expect(call(5, input, 10_000_000, scheduleOf("Istanbul"))).toEqual({ gasUsed: 13056, output: word(1n) });
    expect(output(call(5, concatBytes(word(1n), word(1n), word(1n), Uint8Array.of(3, 5, 7))))).toEqual(Uint8Array.of(5));
  });

  it("BN254 add and mul agree on 2·G, and reject points off the curve", () => {
    const g = concatBytes(word(1n), word(2n));
    const doubled = output(call(6, concatBytes(g, g)));
    expect(output(call(7, concatBytes(g, word(2n))))).toEqual(doubled);
    expect(output(call(7, concatBytes(g, word(0n))))).toEqual(new Uint8Array(64));
    expect(call(6, concatBytes(word(1n), word(3n), g))).toBe("failure");
  });

  it("BN254 pairing: empty input holds, e(G1, G2)·e(−G1, G2) = 1, e(G1, G2)² ≠ 1", () => {
    expect(output(call(8, new Uint8Array(0)))).toEqual(word(1n));
    const { x, y } = bn254.G2.Point.BASE.toAffine();
    // EIP-197 encodes each G2 coordinate imaginary part first.
    const g2 = concatBytes(word(x.c1), word(x.c0), word(y.c1), word(y.c0));
    const g1 = concatBytes(word(1n), word(2n));
    const minusG1 = concatBytes(word(1n), word(bn254.fields.Fp.ORDER - 2n));
    expect(call(8, concatBytes(g1, g2, minusG1, g2))).toEqual({ gasUsed: 45000 + 2 * 34000, output: word(1n) });
    expect(output(call(8, concatBytes(g1, g2, g1, g2)))).toEqual(word(0n));
    expect(call(8, concatBytes(g1, g2).subarray(1))).toBe("failure");
  });

  it("BLAKE2F with 12 rounds over one final block equals BLAKE2b-512 (EIP-152 vector 5)", () => {
    const iv = [
      0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
      0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
    ];
    const input = new Uint8Array(213);
    const view = new DataView(input.buffer);
    view.setUint32(0, 12);
    // h0 is the IV with the parameter block (digest length 64, fanout 1, depth 1) mixed in.
    iv.forEach((value, i) => view.setBigUint64(4 + 8 * i, i === 0 ? value ^ 0x01010040n : value, true));
    input.set(new TextEncoder().encode("abc"), 68);
    view.setBigUint64(196, 3n, true);
    input[212] = 1;
    expect(call(9, input)).toEqual({ gasUsed: 12, output: blake2b(new TextEncoder().encode("abc")) });
    input[212] = 2;
    expect(call(9, input)).toBe("failure");
    expect(call(9, input.subarray(1))).toBe("failure");
    input[212] = 1;
    expect(call(9, input, 11)).toBe("out of gas");
  });

  it("ECPAIRING prices whole pairs before it checks the length (EIP-197), as the spec does", () => {
    expect(call(8, new Uint8Array(193), 1000)).toBe("out of gas");
    expect(call(8, new Uint8Array(193))).toBe("failure");
  });
});
