/**
 * Filling an SVM vector: check the case's expectation against the spec's precompile, then run the
 * whole transaction on the spec and write its post-state root and logs hash as the expected
 * outcome. The spec fills; every other implementation (src/vm) is then checked against the file.
 */
import { SCHEDULES } from "../../../spec/fork/forks.js";
import { runPrecompile } from "../../../spec/precompiles/index.js";
import { bytesEqual, bytesToHex } from "../../../spec/primitives/bytes.js";
import { decodeTransaction } from "../../../spec/transaction/decode.js";
import { stateTestObject } from "../../fuzz/state-test-json.js";
import { specImplementation } from "../../impls/spec.js";
import { SENDER_ADDRESS, SENDER_SECRET_KEY, singleCallCase } from "../../single-call.js";
import { probeCode } from "./probe.js";
import type { VectorCase } from "./vector-case.js";

/** The spec disagrees with a vector's known answer: the vector is not written. */
export class VectorExpectationError extends Error {
  readonly code = "SVM_VECTOR_EXPECTATION";
}

/** More than any SVM precompile's price, less than the probe ever has. */
const CHECK_GAS = 5_000_000n;

function checkExpectation(vector: VectorCase): void {
  const result = runPrecompile(vector.address, vector.input, vector.callGas ?? CHECK_GAS, SCHEDULES.SVM);
  const expected = vector.expected;
  if (expected.kind === "fails") {
    if (result.ok) throw new VectorExpectationError(`${vector.name}: expected the call to fail, it returned ${bytesToHex(result.output)}`);
    return;
  }
  if (!result.ok) throw new VectorExpectationError(`${vector.name}: expected ${bytesToHex(expected.output)}, the call failed (${result.reason})`);
  if (!bytesEqual(result.output, expected.output)) {
    throw new VectorExpectationError(`${vector.name}: expected ${bytesToHex(expected.output)}, got ${bytesToHex(result.output)}`);
  }
}

/** The GeneralStateTests object of one vector, filled by the spec. */
export async function fillVector(vector: VectorCase, info: object): Promise<object> {
  checkExpectation(vector);
  const testCase = singleCallCase({ code: probeCode(vector.address, vector.callGas), input: vector.input, fork: "SVM" });
  const built = {
    testCase: { ...testCase, id: vector.name },
    transaction: decodeTransaction(testCase.txBytes),
    signer: { secretKey: SENDER_SECRET_KEY, address: SENDER_ADDRESS },
  };
  const outcome = await specImplementation.runStateTest(built.testCase);
  if (outcome.kind !== "executed" || outcome.status !== "success") {
    throw new VectorExpectationError(`${vector.name}: the probe transaction did not run to success on the spec`);
  }
  return stateTestObject(built, outcome, info);
}
