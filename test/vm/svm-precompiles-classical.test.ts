/**
 * The SVM fork's classical signature verifiers (docs/extensions.md, 0x010020-0x010023, rule V):
 * RFC 8032 §7.1's Ed25519 test vectors, BIP-340's test-vectors.csv (valid, pk off the curve,
 * r ≥ p, s ≥ n, variable-length messages), and RSA PKCS#1 v1.5 / PSS signed by node:crypto.
 */
import { constants, generateKeyPairSync, sign } from "node:crypto";
import { describe, it } from "vitest";
import { bigIntToBytes, concatBytes, hexToBytes } from "../../src/vm/bytes.js";
import { expectVerdict, flipped } from "./svm-call.js";

const hex = (text: string): Uint8Array => hexToBytes(`0x${text}`);

describe("ED25519_VERIFY 0x010020 (RFC 8032 §7.1)", () => {
  const test1 = {
    pk: hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
    sig: hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    msg: new Uint8Array(0) as Uint8Array,
  };
  const test2 = {
    pk: hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
    sig: hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    msg: hex("72"),
  };
  const input = (v: { pk: Uint8Array; sig: Uint8Array; msg: Uint8Array }): Uint8Array => concatBytes(v.pk, v.sig, v.msg);

  it("accepts TEST 1 (empty message) at 3400 gas and TEST 2 at 3412", () => {
    expectVerdict(0x010020, input(test1), true, 3400);
    expectVerdict(0x010020, input(test2), true, 3412);
  });

  it("rejects a tampered R, S, key or message, and inputs shorter than pk ‖ sig", () => {
    expectVerdict(0x010020, flipped(input(test2), 32), false);
    expectVerdict(0x010020, flipped(input(test2), 90), false);
    expectVerdict(0x010020, flipped(input(test2), 0), false);
    expectVerdict(0x010020, flipped(input(test2), 96), false);
    expectVerdict(0x010020, input(test1).subarray(0, 95), false, 3400);
  });

  it("rejects a non-canonical public key encoding (y = p, RFC 8032 §5.1.3 decoding fails)", () => {
    const yEqualsP = Uint8Array.from([0xed, ...new Array<number>(30).fill(0xff), 0x7f]);
    expectVerdict(0x010020, concatBytes(yEqualsP, test1.sig, test1.msg), false, 3400);
  });

  it("rejects S ≥ L (S + L is the same point equation, but non-canonical)", () => {
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = BigInt(`0x${Buffer.from(test1.sig.subarray(32)).reverse().toString("hex")}`);
    const sPlusL = Uint8Array.from(bigIntToBytes(s + L, 32).reverse());
    expectVerdict(0x010020, concatBytes(test1.pk, test1.sig.subarray(0, 32), sPlusL), false);
  });
});

describe("SCHNORR_VERIFY 0x010021 (BIP-340 test-vectors.csv)", () => {
  const row = (pk: string, msg: string, sig: string): Uint8Array => concatBytes(hex(pk), hex(sig), hex(msg));
  const zero32 = "00".repeat(32);
  const msgPi = "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89";

  it("accepts vectors 0 and 1 at 3012 gas, and vector 15 (empty message) at 3000", () => {
    expectVerdict(
      0x010021,
      row("F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9", zero32, "E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0"),
      true,
      3012,
    );
    expectVerdict(
      0x010021,
      row("DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659", msgPi, "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A"),
      true,
      3012,
    );
    expectVerdict(
      0x010021,
      row("778CAA53B4393AC467774D09497A87224BF9FAB6F6E68B23086497324D6FD117", "", "71535DB165ECD9FBBC046E5FFAEA61186BB6AD436732FCCC25291A55895464CF6069CE26BF03466228F19A3A62DB8A649F2D560FAC652827D1AF0574E427AB63"),
      true,
      3000,
    );
  });

  it("rejects vector 5 (public key not on the curve), a tampered vector 1, and a short input", () => {
    expectVerdict(
      0x010021,
      row("EEFDEA4CDB677750A420FEE807EACF21EB9898AE79B9768766E4FAA04A2D4A34", msgPi, "6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E17776969E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B"),
      false,
    );
    const valid = row("DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659", msgPi, "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A");
    expectVerdict(0x010021, flipped(valid, 40), false);
    expectVerdict(0x010021, flipped(valid, 100), false);
    expectVerdict(0x010021, valid.subarray(0, 95), false, 3000);
  });

  it("rejects r = p and s = n (vectors 12 and 13's conditions)", () => {
    const pk = "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659";
    const sig = "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A";
    const p = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F";
    const n = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141";
    expectVerdict(0x010021, row(pk, msgPi, p + sig.slice(64)), false);
    expectVerdict(0x010021, row(pk, msgPi, sig.slice(0, 64) + n), false);
  });
});

describe("RSA_PKCS1_SHA256_VERIFY 0x010022 and RSA_PSS_SHA256_VERIFY 0x010023 (RFC 8017)", () => {
  function rsaInput(bits: number, padding: "pkcs1" | "pss", message: Uint8Array) {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: 65537 });
    const jwk = publicKey.export({ format: "jwk" });
    const n = new Uint8Array(Buffer.from(jwk.n!, "base64url"));
    const e = new Uint8Array(Buffer.from(jwk.e!, "base64url"));
    const options =
      padding === "pkcs1"
        ? { key: privateKey, padding: constants.RSA_PKCS1_PADDING }
        : { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    const signature = new Uint8Array(sign("sha256", message, options));
    const build = (sig: Uint8Array, msg = message, modulus = n, exponent = e) =>
      concatBytes(bigIntToBytes(BigInt(modulus.length), 32), bigIntToBytes(BigInt(exponent.length), 32), modulus, exponent, sig, msg);
    return { n, e, signature, build };
  }
  const message = new TextEncoder().encode("withdraw 1 ether");
  const gas = (length: number, nLen: number) => 12 * Math.ceil(length / 32) + Math.ceil((2000 * nLen * nLen) / 65536);

  it.each([
    [0x010022, "pkcs1", 2048],
    [0x010023, "pss", 2048],
    [0x010022, "pkcs1", 3072],
  ] as const)("address %i, %s %i-bit: valid, then tampered, wrong scheme, out-of-range inputs", (address, padding, bits) => {
    const { n, e, signature, build } = rsaInput(bits, padding, message);
    const valid = build(signature);
    expectVerdict(address, valid, true, gas(valid.length, n.length));
    expectVerdict(address, flipped(valid, valid.length - 1), false);
    expectVerdict(address, build(flipped(signature, 5)), false);
    expectVerdict(address === 0x010022 ? 0x010023 : 0x010022, valid, false);
    // sig ≥ n: the modulus itself
    expectVerdict(address, build(n), false);
    // even exponent, and one too long
    expectVerdict(address, build(signature, message, n, Uint8Array.of(1, 0, 0)), false);
    expectVerdict(address, build(signature, message, n, Uint8Array.of(0, 0, 1, 0, 1)), false);
    // an input cut inside the signature
    expectVerdict(address, valid.subarray(0, 64 + 2 * n.length + e.length - 1), false);
  });

  it("prices an out-of-range modulus length at 2000 plus 12 per word and gives 0", () => {
    const tooSmall = concatBytes(bigIntToBytes(128n, 32), bigIntToBytes(3n, 32), new Uint8Array(300));
    expectVerdict(0x010022, tooSmall, false, 12 * Math.ceil(tooSmall.length / 32) + 2000);
    expectVerdict(0x010023, new Uint8Array(0), false, 2000);
  });
});
