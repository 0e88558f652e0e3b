import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { describe, expect, it } from "vitest";
import { SECP256K1_ORDER } from "../../../spec/precompiles/ecrecover.js";
import { bytesToHex, hexToBytes } from "../../../spec/primitives/bytes.js";
import { outputHex, run, word } from "./support.js";

// The address of private key 1 is well known: the last 20 bytes of keccak256 of the generator's x ‖ y.
const KEY_ONE_ADDRESS = "7e5f4552091a69125d5dfcb7b8c2659029395bdf";
const HASH = bytesToHex(keccak_256(new TextEncoder().encode("Synnergy"))).slice(2);

function signWithKeyOne(hashHex: string): { r: bigint; s: bigint; v: bigint } {
  const key = new Uint8Array(32);
  key[31] = 1;
  const signature = secp256k1.Signature.fromBytes(
    secp256k1.sign(hexToBytes(hashHex), key, { prehash: false, format: "recovered" }),
    "recovered",
  );
  return { r: signature.r, s: signature.s, v: 27n + BigInt(signature.recovery!) };
}

describe("ECRECOVER (0x01)", () => {
  it("recovers the signer of a hash, left-padded to a word", () => {
    const { r, s, v } = signWithKeyOne(HASH);
    expect(outputHex(run(1n, HASH + word(v) + word(r) + word(s)))).toBe("0x" + "00".repeat(12) + KEY_ONE_ADDRESS);
  });

  it("agrees that key 1's address is the keccak of its public key", () => {
    const publicKey = secp256k1.Point.BASE.toBytes(false).subarray(1);
    expect(bytesToHex(keccak_256(publicKey).subarray(12))).toBe("0x" + KEY_ONE_ADDRESS);
  });

  it("accepts a high s (the malleable twin of a signature recovers the same signer)", () => {
    const { r, s, v } = signWithKeyOne(HASH);
    const twinV = v === 27n ? 28n : 27n;
    const twin = run(1n, HASH + word(twinV) + word(r) + word(SECP256K1_ORDER - s));
    expect(outputHex(twin)).toBe("0x" + "00".repeat(12) + KEY_ONE_ADDRESS);
  });

  it("recovers another key with the wrong v, and nothing with v not 27 or 28", () => {
    const { r, s, v } = signWithKeyOne(HASH);
    const other = outputHex(run(1n, HASH + word(v === 27n ? 28n : 27n) + word(r) + word(s)));
    expect(other).not.toBe("0x" + "00".repeat(12) + KEY_ONE_ADDRESS);
    for (const badV of [0n, 1n, 26n, 29n, 27n + (1n << 8n), (1n << 255n) + 27n]) {
      expect(outputHex(run(1n, HASH + word(badV) + word(r) + word(s)))).toBe("0x");
    }
  });

  it("returns empty output, not failure, for r or s outside 1..n-1", () => {
    const { r, s, v } = signWithKeyOne(HASH);
    for (const [badR, badS] of [
      [0n, s],
      [r, 0n],
      [SECP256K1_ORDER, s],
      [r, SECP256K1_ORDER],
      [2n ** 256n - 1n, s],
    ] as const) {
      const result = run(1n, HASH + word(v) + word(badR) + word(badS));
      expect(result).toMatchObject({ ok: true, gasUsed: 3000n });
      expect(outputHex(result)).toBe("0x");
    }
  });

  it("returns empty output when r is not the x of any curve point", () => {
    // x = 5 gives x³ + 7 = 132, not a square mod p (p ≡ 3 mod 4, so 132^((p−1)/2) = −1).
    const p = secp256k1.Point.Fp.ORDER;
    expect(secp256k1.Point.Fp.pow(132n, (p - 1n) / 2n)).toBe(p - 1n);
    expect(outputHex(run(1n, HASH + word(27n) + word(5n) + word(1n)))).toBe("0x");
  });

  it("reads a short input as zero-padded (so all-zero input recovers nothing)", () => {
    expect(outputHex(run(1n, ""))).toBe("0x");
    const { r, s, v } = signWithKeyOne(HASH);
    const full = HASH + word(v) + word(r) + word(s);
    // Dropping trailing zero bytes of s changes nothing; s's last byte is non-zero with probability 255/256.
    const trimmed = full.replace(/(00)+$/, "");
    expect(outputHex(run(1n, trimmed))).toBe(outputHex(run(1n, full)));
    expect(outputHex(run(1n, full + "ff".repeat(10)))).toBe(outputHex(run(1n, full)));
  });

  it("costs 3000 gas whatever the input, failing below it", () => {
    expect(run(1n, "", "Frontier", 2999n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(1n, "ff".repeat(500), "Frontier", 3000n)).toMatchObject({ ok: true, gasUsed: 3000n });
  });
});
