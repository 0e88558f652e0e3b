import { blake2b } from "@noble/hashes/blake2.js";
import { describe, expect, it } from "vitest";
import { compress } from "../../../spec/precompiles/blake2-compression.js";
import { bytesToHex } from "../../../spec/primitives/bytes.js";
import { outputHex, run } from "./support.js";

// EIP-152's test vectors 4–7 share this h ‖ m ‖ t: BLAKE2b-512's initial state and the block "abc".
const H =
  "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b";
const M = "616263" + "00".repeat(125);
const T = "03" + "00".repeat(15);
const input = (rounds: string, flag: string) => rounds + H + M + T + flag;

describe("BLAKE2F (0x09), EIP-152's test vectors", () => {
  it("vector 4: 0 rounds", () => {
    expect(outputHex(run(9n, input("00000000", "01")))).toBe(
      "0x08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b",
    );
  });

  it("vector 5: 12 rounds, final block (BLAKE2b-512 of 'abc')", () => {
    expect(outputHex(run(9n, input("0000000c", "01")))).toBe(
      "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    );
  });

  it("vector 6: 12 rounds, not the final block", () => {
    expect(outputHex(run(9n, input("0000000c", "00")))).toBe(
      "0x75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735",
    );
  });

  it("vector 7: 1 round", () => {
    expect(outputHex(run(9n, input("00000001", "01")))).toBe(
      "0xb63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421",
    );
  });

  it("vectors 0–2: any length but 213 bytes fails", () => {
    const valid = input("0000000c", "01");
    expect(run(9n, "")).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-input-length/) });
    expect(run(9n, valid.slice(2))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-input-length/) });
    expect(run(9n, "00" + valid)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-input-length/) });
  });

  it("vector 3: a final-block flag other than 0 or 1 fails", () => {
    for (const flag of ["02", "ff", "10"]) {
      expect(run(9n, input("0000000c", flag))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid-final-flag/) });
    }
  });
});

describe("BLAKE2F pricing", () => {
  it("costs one gas per round, so vector 8's 2^32 − 1 rounds fail for want of gas before running", () => {
    expect(run(9n, input("0000000c", "01"))).toMatchObject({ ok: true, gasUsed: 12n });
    expect(run(9n, input("00000000", "01"))).toMatchObject({ ok: true, gasUsed: 0n });
    expect(run(9n, input("0000000c", "01"), "Istanbul", 11n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    expect(run(9n, input("ffffffff", "01"), "Istanbul", 0xfffffffen)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
  });
});

describe("BLAKE2b's F as a building block", () => {
  /** BLAKE2b-512 (unkeyed) of a message, built from F alone as RFC 7693 §3.3 does. */
  function blake2b512(message: Uint8Array): Uint8Array {
    const h = new BigUint64Array([
      0x6a09e667f3bcc908n ^ 0x01010040n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
      0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
    ]);
    let state: BigUint64Array = h;
    const blocks = Math.max(1, Math.ceil(message.length / 128));
    for (let i = 0; i < blocks; i++) {
      const block = new Uint8Array(128);
      block.set(message.subarray(128 * i, 128 * (i + 1)));
      const view = new DataView(block.buffer);
      const m = new BigUint64Array(16).map((_, j) => view.getBigUint64(8 * j, true));
      const final = i === blocks - 1;
      const counter = BigInt(final ? message.length : 128 * (i + 1));
      state = compress({ rounds: 12, h: state, m, t: new BigUint64Array([counter, 0n]), final });
    }
    const out = new Uint8Array(64);
    const view = new DataView(out.buffer);
    state.forEach((w, i) => view.setBigUint64(8 * i, w, true));
    return out;
  }

  // BLAKE2b's 12 rounds reuse σ0 and σ1 in rounds 10 and 11, so this also checks the schedule cycles mod 10.
  it("hashes like an independent BLAKE2b-512 (@noble/hashes) over one and several blocks", () => {
    for (const length of [0, 3, 127, 128, 129, 300, 1000]) {
      const message = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      expect(bytesToHex(blake2b512(message))).toBe(bytesToHex(blake2b(message)));
    }
  });

  it("rejects malformed arguments", () => {
    expect(() => compress({ rounds: -1, h: new BigUint64Array(8), m: new BigUint64Array(16), t: new BigUint64Array(2), final: false })).toThrow(RangeError);
    expect(() => compress({ rounds: 1, h: new BigUint64Array(7), m: new BigUint64Array(16), t: new BigUint64Array(2), final: false })).toThrow(RangeError);
  });
});
