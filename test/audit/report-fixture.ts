/**
 * A small report input the writer tests share: three detectors, four findings (one confirmed with
 * an exploit, one whose source text tries to inject markup), gas and coverage, and a file that did
 * not compile. Written by hand so the writers are tested without running an analysis.
 */
import type { DetectorInfo, Finding } from "../../src/audit/finding.js";
import type { ReportInput } from "../../src/audit/report-model.js";

export const REENTRANCY: DetectorInfo = {
  id: "reentrancy-eth",
  title: "Reentrancy: ether sent before state is updated",
  swc: "SWC-107",
  category: "reentrancy",
  severity: "high",
  confidence: "medium",
  description: "A call that sends ether happens before the state it depends on is written, so the callee can re-enter and withdraw again.",
  recommendation: "Write the state before the call (checks-effects-interactions), or guard the function against re-entry.",
};

export const TX_ORIGIN: DetectorInfo = {
  id: "tx-origin",
  title: "Authorisation through tx.origin",
  swc: "SWC-115",
  category: "access_control",
  severity: "medium",
  confidence: "high",
  description: "tx.origin is the account that signed the transaction, not the caller; a contract the owner calls can act as the owner.",
  recommendation: "Compare msg.sender instead of tx.origin.",
};

export const TIMESTAMP: DetectorInfo = {
  id: "timestamp",
  title: "Block timestamp decides a branch",
  swc: "SWC-116",
  category: "time_manipulation",
  severity: "low",
  confidence: "medium",
  description: "A block producer can move block.timestamp within limits.",
  recommendation: "Do not let a few seconds of timestamp decide value.",
};

export const UNUSED: DetectorInfo = {
  id: "unchecked-send",
  title: "Return value of send not checked",
  swc: "SWC-104",
  category: "unchecked_low_level_calls",
  severity: "medium",
  confidence: "high",
  description: "send returns false on failure instead of reverting.",
  recommendation: "Check the value send returns, or use transfer.",
};

export const CONFIRMED_REENTRANCY: Finding = {
  id: "f3a91c0d5e2b7a41",
  detector: REENTRANCY,
  contract: "Bank",
  function: "withdraw(uint256)",
  location: {
    file: "contracts/Bank.sol",
    line: 14,
    endLine: 15,
    snippet: '        (bool ok, ) = msg.sender.call{value: amount}("");\n        balances[msg.sender] -= amount;',
  },
  message: "Bank.withdraw(uint256) sends ether with msg.sender.call before it writes balances[msg.sender].",
  confirmed: true,
  evidence: {
    effect: "2 ether moved from Bank to the attacker",
    steps: [
      { from: "0x00000000000000000000000000000000000a77ac", to: "", value: 0n, calldata: "0x6080", call: "new Attacker()" },
      { from: "0x00000000000000000000000000000000000a77ac", to: "0x00000000000000000000000000000000000ba4c0", value: 1_000_000_000_000_000_000n, calldata: "0xd0e30db0", call: "deposit()" },
      {
        from: "0x00000000000000000000000000000000000a77ac",
        to: "0x00000000000000000000000000000000000ba4c0",
        value: 0n,
        calldata: "0x2e1a7d4d0000000000000000000000000000000000000000000000000de0b6b3a7640000",
        call: "withdraw(1000000000000000000)",
      },
    ],
    trace: ["CALL Bank.withdraw(1000000000000000000)", "  CALL attacker.receive() value 1000000000000000000", "    CALL Bank.withdraw(1000000000000000000)"],
  },
};

export const TX_ORIGIN_FINDING: Finding = {
  id: "0b7e55a2c9d14f60",
  detector: TX_ORIGIN,
  contract: "Wallet",
  function: "transferTo(address,uint256)",
  location: { file: "contracts/Wallet.sol", line: 9, endLine: 9, snippet: "        require(tx.origin == owner);" },
  message: "Wallet.transferTo(address,uint256) authorises with tx.origin == owner.",
  confirmed: false,
};

/** Its message, snippet and contract name carry markup, Markdown and backticks from the audited source. */
export const HOSTILE_FINDING: Finding = {
  id: "9c1d2e3f40516273",
  detector: TIMESTAMP,
  contract: "Lottery<script>alert(1)</script>",
  function: "",
  location: {
    file: "contracts/Lottery.sol",
    line: 21,
    endLine: 21,
    snippet: '        if (block.timestamp % 2 == 0) { emit Note("</script><img src=x onerror=alert(1)> | ``` `x`"); }',
  },
  message: 'The branch on block.timestamp emits "<img src=x onerror=alert(1)>" | **bold** [link](http://evil.example)',
  confirmed: false,
};

export const SECOND_HIGH: Finding = {
  id: "1111aaaa2222bbbb",
  detector: REENTRANCY,
  contract: "Vault",
  function: "claim()",
  location: { file: "contracts/Vault.sol", line: 30, endLine: 31, snippet: '        msg.sender.call{value: due}("");\n        due = 0;' },
  message: "Vault.claim() sends ether with msg.sender.call before it writes due.",
  confirmed: false,
};

export function fixtureInput(findings: readonly Finding[] = [TX_ORIGIN_FINDING, HOSTILE_FINDING, SECOND_HIGH, CONFIRMED_REENTRANCY]): ReportInput {
  return {
    tool: { name: "svm", version: "0.1.0" },
    target: "contracts",
    detectors: [TX_ORIGIN, UNUSED, REENTRANCY, TIMESTAMP],
    findings,
    files: [
      { file: "contracts/Wallet.sol", analysed: true, compilerVersion: "0.8.30" },
      { file: "contracts/Broken.sol", analysed: false, reason: "did not compile: ParserError: Expected ';' but got '}' at line 7 <here>" },
      { file: "contracts/Bank.sol", analysed: true, compilerVersion: "0.8.30" },
      { file: "contracts/Lottery.sol", analysed: true, compilerVersion: "0.4.26" },
      { file: "contracts/Vault.sol", analysed: true },
    ],
    gas: [
      { contract: "Bank", function: "withdraw(uint256)", calls: 12, min: 23_811n, avg: 34_020n, max: 61_442n },
      { contract: "Bank", function: "deposit()", calls: 30, min: 21_312n, avg: 27_000n, max: 43_212n },
      { contract: "Wallet", function: "transferTo(address,uint256)", calls: 4, min: 30_000n, avg: 2n ** 69n, max: 2n ** 70n },
    ],
    coverage: [
      { contract: "Wallet", instructions: { reached: 180, total: 240 }, blocks: { reached: 20, total: 25 } },
      { contract: "Bank", instructions: { reached: 301, total: 344 }, blocks: { reached: 40, total: 48 } },
    ],
    campaignsNotRun: [{ contract: "IToken", reason: "no creation code (interface or abstract contract)" }],
  };
}
