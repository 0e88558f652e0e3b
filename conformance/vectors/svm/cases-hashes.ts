/**
 * Hash vectors from the standards' known answers: FIPS 202's SHA3-256/512 examples (NIST CSRC
 * "Cryptographic Standards and Guidelines: example values", the empty string, "abc" and 200 bytes
 * of 0xa3), RFC 7693 Appendix A's BLAKE2b-512("abc"), BLAKE3's reference vector for the empty input.
 */
import { SVM_ADDRESS } from "../../../spec/fork/svm-addresses.js";
import { hexToBytes } from "../../../spec/primitives/bytes.js";
import { gasEdges, output, type VectorCase } from "./vector-case.js";

const ABC = new TextEncoder().encode("abc");
const A3_200 = new Uint8Array(200).fill(0xa3);

const KNOWN: readonly [name: string, address: bigint, input: Uint8Array, digest: string][] = [
  ["SHA3_256_empty", SVM_ADDRESS.SHA3_256, new Uint8Array(0), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"],
  ["SHA3_256_abc", SVM_ADDRESS.SHA3_256, ABC, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"],
  ["SHA3_256_1600_bits_a3", SVM_ADDRESS.SHA3_256, A3_200, "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787"],
  [
    "SHA3_512_abc",
    SVM_ADDRESS.SHA3_512,
    ABC,
    "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
  ],
  [
    "SHA3_512_empty",
    SVM_ADDRESS.SHA3_512,
    new Uint8Array(0),
    "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26",
  ],
  [
    "BLAKE2B_512_abc",
    SVM_ADDRESS.BLAKE2B_512,
    ABC,
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
  ],
  ["BLAKE3_256_empty", SVM_ADDRESS.BLAKE3_256, new Uint8Array(0), "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"],
];

export function hashCases(): VectorCase[] {
  return KNOWN.flatMap(([name, address, input, digest]) => {
    const base: VectorCase = { name, address, input, expected: output(hexToBytes(`0x${digest}`)) };
    return [base, ...gasEdges(base)];
  });
}
