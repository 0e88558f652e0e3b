/**
 * What anvil cannot be told of a state test's block: it mines real blocks, so BLOCKHASH of a
 * recent block is the hash of the empty block anvil mined (a state test answers keccak256 of the
 * number's decimal digits), and PREVRANDAO (EIP-4399) and the blob base fee (EIP-7516, from the
 * excess blob gas) are anvil's own. A value that is popped straight away changes nothing but the
 * trace's top of stack (conformance/fuzz/known-differences.ts normalises that step); a value that
 * flows further (stored, compared, added to an offset) makes revm's outcome the answer to another
 * question, so the case is refused rather than compared.
 */
import { bytesToBigInt } from "../../spec/primitives/bytes.js";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { blobBaseFee } from "../../spec/execution/blob-fee.js";
import type { StateTestCase } from "../../interface/implementation.js";
import { stateTestBlockHash } from "./ethereumjs-blockchain.js";
import type { StructLog } from "./struct-logs.js";

const BLOCKHASH_WINDOW = 256n;

/** The value the case's block gives the instruction named `op` on top of `stack`, if `op` reads the block environment anvil cannot be told. */
function caseValue(op: string, stack: readonly string[] | undefined, testCase: StateTestCase): bigint | undefined {
  const env = testCase.env;
  if (op === "PREVRANDAO" || op === "DIFFICULTY") return env.prevRandao ?? env.difficulty;
  if (op === "BLOBBASEFEE") return blobBaseFee(env.excessBlobGas ?? 0n, SCHEDULES[testCase.fork]);
  if (op !== "BLOCKHASH" || stack === undefined || stack.length === 0) return undefined;
  const number = BigInt(stack.at(-1)!);
  const recent = number < env.number && number + BLOCKHASH_WINDOW >= env.number;
  return recent ? bytesToBigInt(stateTestBlockHash(number)) : 0n;
}

/**
 * The first step that pushed a block value other than the case's and did not pop it at once,
 * described; undefined when every such value matched or was popped by the next instruction.
 */
export function unsettableValueUsed(logs: readonly StructLog[], testCase: StateTestCase): string | undefined {
  for (let k = 0; k + 1 < logs.length; k++) {
    const log = logs[k]!;
    const next = logs[k + 1]!;
    const expected = caseValue(log.op, log.stack, testCase);
    if (expected === undefined || next.depth !== log.depth || next.stack === undefined || next.stack.length === 0) continue;
    const pushed = BigInt(next.stack.at(-1)!);
    if (pushed !== expected && next.op !== "POP") {
      return `${log.op} at pc ${log.pc} (depth ${log.depth}) pushed 0x${pushed.toString(16)} where the case's block gives 0x${expected.toString(16)}, and the value is used`;
    }
  }
  return undefined;
}
