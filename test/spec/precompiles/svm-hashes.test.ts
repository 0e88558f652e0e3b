import { describe, expect, it } from "vitest";
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { outputHex, run } from "./support.js";

const ABC = "616263";

/** Known answers: FIPS 202 examples (NIST CSRC "SHA3-256/512 example values"), RFC 7693 Appendix A, the BLAKE3 reference test vectors' empty input. */
describe("SVM hash precompiles", () => {
  it("SHA3-256 is FIPS 202 SHA3-256, not keccak", () => {
    expect(outputHex(run(SVM_ADDRESS.SHA3_256, "", "SVM"))).toBe(
      "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
    );
    expect(outputHex(run(SVM_ADDRESS.SHA3_256, ABC, "SVM"))).toBe(
      "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
    );
  });

  it("SHA3-512", () => {
    expect(outputHex(run(SVM_ADDRESS.SHA3_512, ABC, "SVM"))).toBe(
      "0xb751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
    );
  });

  it("BLAKE2b-512 (RFC 7693 Appendix A)", () => {
    expect(outputHex(run(SVM_ADDRESS.BLAKE2B_512, ABC, "SVM"))).toBe(
      "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    );
  });

  it("BLAKE3-256 of the empty input", () => {
    expect(outputHex(run(SVM_ADDRESS.BLAKE3_256, "", "SVM"))).toBe(
      "0xaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
    );
  });

  it("charges 60 plus a per-word price, and fails only for lack of gas", () => {
    const input = "00".repeat(33);
    const price = { SHA3_256: 60n + 6n * 2n, SHA3_512: 60n + 8n * 2n, BLAKE2B_512: 60n + 5n * 2n, BLAKE3_256: 60n + 3n * 2n };
    for (const [name, gas] of Object.entries(price) as [keyof typeof price, bigint][]) {
      const ok = run(SVM_ADDRESS[name], input, "SVM", gas);
      expect(ok.ok && ok.gasUsed).toBe(gas);
      expect(run(SVM_ADDRESS[name], input, "SVM", gas - 1n)).toEqual({ ok: false, outOfGas: true, reason: "out of gas" });
    }
  });

  it("exist only in the SVM fork", () => {
    expect(() => run(SVM_ADDRESS.SHA3_256, ABC, "Osaka")).toThrow(/no precompiled contract/);
  });
});
