/**
 * The SVM fork's hash and AES-256-GCM precompiles (docs/extensions.md, 0x010001-0x010010) against
 * published known answers: FIPS 202 / NIST SHA-3 examples ("abc", ""), RFC 7693 Appendix A, the
 * BLAKE3 reference test vectors, and the GCM specification's test cases 13 and 16 (McGrew and Viega,
 * the AES-256 cases also used by NIST SP 800-38D's validation).
 */
import { describe, expect, it } from "vitest";
import { bigIntToBytes, bytesToHex, concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt, type PrecompileResult } from "../../src/vm/precompiles/index.js";

const svm = scheduleOf("SVM");
const osaka = scheduleOf("Osaka");
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

function call(address: number, input: Uint8Array, gas = 10_000_000): PrecompileResult {
  const precompile = precompileAt(BigInt(address), svm);
  if (precompile === undefined) throw new Error(`no precompile at 0x${address.toString(16)}`);
  return precompile(input, gas, svm);
}

function output(result: PrecompileResult): string {
  if (typeof result === "string") throw new Error(`the call ended with ${result}`);
  return bytesToHex(result.output);
}

describe("activation", () => {
  it("the SVM addresses exist in SVM only", () => {
    for (const address of [0x010001, 0x010002, 0x010003, 0x010004, 0x010010]) {
      expect(precompileAt(BigInt(address), osaka)).toBeUndefined();
      expect(precompileAt(BigInt(address), svm)).toBeDefined();
    }
    expect(precompileAt(0x010000n, svm)).toBeUndefined();
  });
});

describe("hashes (rule N)", () => {
  const cases: [string, number, Uint8Array, string][] = [
    ["SHA3-256 abc", 0x010001, ascii("abc"), "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"],
    ["SHA3-256 empty", 0x010001, new Uint8Array(0), "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"],
    [
      "SHA3-512 abc",
      0x010002,
      ascii("abc"),
      "0xb751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
    ],
    [
      "BLAKE2b-512 abc",
      0x010003,
      ascii("abc"),
      "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    ],
    ["BLAKE3-256 empty", 0x010004, new Uint8Array(0), "0xaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"],
  ];
  it.each(cases)("%s", (_name, address, input, digest) => {
    expect(output(call(address, input))).toBe(digest);
  });

  it("charges 60 plus the row's price per word, and runs out of gas one gas short", () => {
    const input = new Uint8Array(33); // two words
    for (const [address, perWord] of [[0x010001, 6], [0x010002, 8], [0x010003, 5], [0x010004, 3]] as const) {
      const cost = 60 + 2 * perWord;
      const result = call(address, input, cost);
      expect(typeof result !== "string" && result.gasUsed).toBe(cost);
      expect(call(address, input, cost - 1)).toBe("out of gas");
    }
  });
});

describe("AES-256-GCM decrypt (rule F)", () => {
  const key = hexToBytes("0xfeffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  const nonce = hexToBytes("0xcafebabefacedbaddecaf888");
  const aad = hexToBytes("0xfeedfacedeadbeeffeedfacedeadbeefabaddad2");
  const ciphertext = hexToBytes(
    "0x522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
  );
  const tag = hexToBytes("0x76fc6ece0f4e1768cddf8853bb2d551b");
  const plaintext =
    "0xd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
  const input = (aadBytes: Uint8Array, aadLength: bigint, body: Uint8Array): Uint8Array =>
    concatBytes(key, nonce, bigIntToBytes(aadLength, 32), aadBytes, body);
  const valid = input(aad, 20n, concatBytes(ciphertext, tag));

  it("GCM test case 16 decrypts, at 500 + 4 per word of the whole input", () => {
    const result = call(0x010010, valid);
    expect(output(result)).toBe(plaintext);
    const cost = 500 + 4 * Math.ceil(valid.length / 32);
    expect(typeof result !== "string" && result.gasUsed).toBe(cost);
    expect(call(0x010010, valid, cost - 1)).toBe("out of gas");
  });

  it("GCM test case 13 (zero key and nonce, nothing to decrypt) succeeds with empty output", () => {
    const empty = concatBytes(new Uint8Array(44), new Uint8Array(32), hexToBytes("0x530f8afbc74536b9a963b4f1c4cb738b"));
    expect(output(call(0x010010, empty))).toBe("0x");
  });

  it("fails on a tampered tag, ciphertext or aad, an aadLen beyond the input, or a short input", () => {
    const flip = (bytes: Uint8Array, at: number): Uint8Array => {
      const copy = bytes.slice();
      copy[at]! ^= 1;
      return copy;
    };
    expect(call(0x010010, flip(valid, valid.length - 1))).toBe("failure");
    expect(call(0x010010, flip(valid, 100))).toBe("failure");
    expect(call(0x010010, flip(valid, 76))).toBe("failure");
    expect(call(0x010010, input(aad, 20n + BigInt(ciphertext.length) + 1n, concatBytes(ciphertext, tag)))).toBe("failure");
    expect(call(0x010010, input(aad, 1n << 255n, concatBytes(ciphertext, tag)))).toBe("failure");
    expect(call(0x010010, new Uint8Array(91))).toBe("failure");
  });
});
