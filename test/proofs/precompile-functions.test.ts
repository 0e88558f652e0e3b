/**
 * Precompiles with symbolic input (issue 11): `fixtures/Precompiles.t.sol` calls SHA256, IDENTITY and
 * ECRECOVER with symbolic arguments. A property that holds for every answer of the uninterpreted
 * function passes; one that fails whatever the precompile answers fails with a counterexample that
 * replays on the spec; one that needs a chosen digest or a valid signature ends `unknown`, naming
 * the precompile, never `fail`; concrete input runs the precompile for real.
 */
import { afterAll, describe } from "vitest";
import { solverPool } from "../../proofs/z3/context.js";
import { checkFixture } from "./fixtures/precompile-fixture.js";

afterAll(() => solverPool().close());

describe("precompiles called with symbolic input", () => {
  checkFixture("Precompiles.t.sol", "PrecompilesTest", undefined, {
    prove_holds_balance_unchanged_unless_owner_signed: { status: "pass" },
    prove_holds_other_v_recovers_nothing: { status: "pass" },
    prove_holds_sha256_is_a_function: { status: "pass" },
    prove_holds_identity_echoes: { status: "pass" },
    prove_fails_whatever_sha256_answers: { status: "fail" },
    prove_fails_whatever_ecrecover_answers: { status: "fail" },
    prove_needs_sha256_preimage: { status: "unknown", precompile: "0x2 (SHA256)" },
    prove_needs_owner_signature: { status: "unknown", precompile: "0x1 (ECRECOVER)" },
    prove_concrete_sha256_abc: { status: "pass" },
    prove_concrete_sha256_wrong: { status: "fail" },
    prove_concrete_identity: { status: "pass" },
  });
});
