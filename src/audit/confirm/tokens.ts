/**
 * The target's own token, when it has one (an ERC-20 `balanceOf(address) returns (uint256)`, EIP-20):
 * how many the attacker holds, read by a call on a throw-away copy of the chain.
 */
import { type AbiFunction, decodeResult, encodeCall, functionsOf, signatureOf } from "../../abi/index.js";
import type { CompiledContract } from "../../compile/index.js";
import type { Chain } from "../../vm/session.js";
import { ATTACKER, ATTACKER_CONTRACT, addressText, TARGET } from "./actors.js";

/** Sends the balance queries; it takes no part in the campaign. */
const READER = 0x4eade40000000000000000000000000000000004n;
const QUERY_GAS = 1_000_000n;

export function balanceOfFunction(contract: CompiledContract): AbiFunction | null {
  const fn = functionsOf(contract.abi).find((f) => signatureOf(f) === "balanceOf(address)");
  if (fn === undefined || fn.outputs.length !== 1 || fn.outputs[0]!.type.kind !== "uint") return null;
  return fn;
}

/** The attacker's and its contract's token balances together; null when a query fails. */
export function attackerTokens(chain: Chain, balanceOf: AbiFunction): bigint | null {
  const reader = chain.copy();
  let total = 0n;
  for (const holder of [ATTACKER, ATTACKER_CONTRACT]) {
    const receipt = reader.send({ from: READER, to: TARGET, data: encodeCall(balanceOf, [addressText(holder)]), gasLimit: QUERY_GAS });
    if (!receipt.success) return null;
    const [balance] = decodeResult(balanceOf, receipt.output);
    if (typeof balance !== "bigint") return null;
    total += balance;
  }
  return total;
}
