/**
 * src's BLAKE2F (0x09), computed on 32-bit halves, against EIP-152's test vectors, against
 * BLAKE2b-512 (@noble/hashes) built from F, and against a 64-bit BigInt F written here from
 * RFC 7693 §3.1–3.2 for round counts BLAKE2b itself never uses.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { describe, expect, it } from "vitest";
import { blake2f } from "../../src/vm/precompiles/blake2f.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { pseudoRandomInput, referenceF } from "./blake2f-bigint-oracle.js";

const cancun = scheduleOf("Cancun");
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, "hex"));

function run(input: Uint8Array, gas = 2 ** 40) {
  return blake2f(input, gas, cancun);
}

function outputHex(input: Uint8Array): string {
  const result = run(input);
  if (typeof result === "string") throw new Error(`BLAKE2F: ${result}`);
  return hex(result.output);
}

// EIP-152's vectors 4–8 share h ‖ m ‖ t: BLAKE2b-512's initial state and the block "abc".
const H = "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b";
const M = "616263" + "00".repeat(125);
const T = "03" + "00".repeat(15);
const eipInput = (rounds: string, flag: string) => bytes(rounds + H + M + T + flag);

describe("BLAKE2F on 32-bit halves: EIP-152's test vectors", () => {
  it("vector 4: 0 rounds", () => {
    expect(outputHex(eipInput("00000000", "01"))).toBe(
      "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b",
    );
  });

  it("vector 5: 12 rounds, final block", () => {
    expect(outputHex(eipInput("0000000c", "01"))).toBe(
      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    );
  });

  it("vector 6: 12 rounds, not the final block", () => {
    expect(outputHex(eipInput("0000000c", "00"))).toBe(
      "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735",
    );
  });

  it("vector 7: 1 round", () => {
    expect(outputHex(eipInput("00000001", "01"))).toBe(
      "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421",
    );
  });

  it("vectors 0–3: a wrong length or final flag fails; vector 8's 2^32 − 1 rounds need as much gas", () => {
    const valid = eipInput("0000000c", "01");
    expect(run(valid.subarray(1))).toBe("failure");
    expect(run(new Uint8Array(214))).toBe("failure");
    expect(run(eipInput("0000000c", "02"))).toBe("failure");
    expect(run(eipInput("ffffffff", "01"), 2 ** 32 - 2)).toBe("out of gas");
    expect(run(valid, 12)).toMatchObject({ gasUsed: 12 });
  });
});

describe("BLAKE2F on 32-bit halves against 64-bit arithmetic", () => {
  it("agrees with a BigInt F on random words for round counts around and past the schedule's period", () => {
    for (const rounds of [2, 9, 10, 11, 13, 20, 21, 99, 1000]) {
      for (const seed of [1, 0xdeadbeef, 12345]) {
        const input = pseudoRandomInput(seed + rounds, rounds, seed & 1);
        expect(outputHex(input), `${rounds} rounds, seed ${seed}`).toBe(hex(referenceF(input)));
      }
    }
  });

  it("carries across halves: every word all ones", () => {
    const input = new Uint8Array(213).fill(0xff);
    new DataView(input.buffer).setUint32(0, 24);
    input[212] = 1;
    expect(outputHex(input)).toBe(hex(referenceF(input)));
  });

  it("chains into BLAKE2b-512 (RFC 7693 §3.3) equal to @noble/hashes over one and several blocks", () => {
    const iv = bytes(H);
    for (const length of [0, 3, 127, 128, 129, 300, 1000]) {
      const message = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      let h = iv;
      const blocks = Math.max(1, Math.ceil(length / 128));
      for (let i = 0; i < blocks; i++) {
        const input = new Uint8Array(213);
        const view = new DataView(input.buffer);
        view.setUint32(0, 12);
        input.set(h, 4);
        input.set(message.subarray(128 * i, 128 * (i + 1)), 68);
        const final = i === blocks - 1;
        view.setBigUint64(196, BigInt(final ? length : 128 * (i + 1)), true);
        input[212] = final ? 1 : 0;
        h = bytes(outputHex(input));
      }
      expect(hex(h), `${length} bytes`).toBe(hex(blake2b(message)));
    }
  });
});
