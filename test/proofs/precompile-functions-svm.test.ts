/**
 * The SVM fork's precompiles with symbolic input (issue 11), under `--fork SVM`:
 * `fixtures/SvmVerify.t.sol` pays out on ED25519_VERIFY (rule V: a 0/1 word). Same expectations as
 * precompile-functions.test.ts: a pass for every answer, a replayed failure, an unknown naming the
 * precompile, the real verifier on concrete input.
 */
import { afterAll, describe } from "vitest";
import { solverPool } from "../../proofs/z3/context.js";
import { checkFixture } from "./fixtures/precompile-fixture.js";

afterAll(() => solverPool().close());

describe("SVM precompiles called with symbolic input", () => {
  checkFixture("SvmVerify.t.sol", "SvmVerifyTest", "SVM", {
    prove_holds_rejected_signature_keeps_balance: { status: "pass" },
    prove_holds_verdict_is_a_bit: { status: "pass" },
    prove_fails_whatever_the_verifier_answers: { status: "fail" },
    prove_needs_valid_signature: { status: "unknown", precompile: "0x10020 (ED25519_VERIFY)" },
    prove_concrete_rfc8032_vector_verifies: { status: "pass" },
    prove_concrete_tampered_vector_verifies: { status: "fail" },
  });
});
