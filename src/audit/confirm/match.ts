/**
 * Which observations confirm which findings: by the finding's SWC id first, its category
 * otherwise, and the route the attacker took (a drain by re-entrance confirms a reentrancy finding,
 * not a missing access check). When the finding names an external function, the decisive
 * transaction must have entered it.
 */
import type { Finding } from "../finding.js";
import type { Observation, OracleKind, Route } from "./oracles.js";

interface Proof {
  readonly oracle: OracleKind;
  readonly routes: readonly Route[];
}

const ANY: readonly Route[] = ["direct", "reentrant", "bait"];
const DIRECT: readonly Route[] = ["direct"];
const stranger = (routes: readonly Route[]): Proof[] => [
  { oracle: "ether-drained", routes },
  { oracle: "tokens-taken", routes },
  { oracle: "owner-state-changed", routes },
  { oracle: "selfdestructed-by-stranger", routes },
];

const BY_SWC: Readonly<Record<string, readonly Proof[]>> = {
  "SWC-101": [{ oracle: "wrap-stored", routes: ANY }],
  "SWC-104": [{ oracle: "failed-call-ignored", routes: ANY }],
  "SWC-105": stranger(DIRECT),
  "SWC-106": [
    { oracle: "selfdestructed-by-stranger", routes: DIRECT },
    { oracle: "ether-drained", routes: DIRECT },
  ],
  "SWC-107": [{ oracle: "ether-drained", routes: ["reentrant"] }],
  "SWC-112": stranger(DIRECT),
  "SWC-115": stranger(["bait"]),
  "SWC-116": [{ oracle: "clock-dependent", routes: ANY }],
  "SWC-120": [{ oracle: "clock-dependent", routes: ANY }],
  "SWC-124": stranger(DIRECT),
};

const BY_CATEGORY: Readonly<Partial<Record<Finding["detector"]["category"], readonly Proof[]>>> = {
  reentrancy: [{ oracle: "ether-drained", routes: ["reentrant"] }],
  access_control: stranger(DIRECT),
  arithmetic: [{ oracle: "wrap-stored", routes: ANY }],
  unchecked_low_level_calls: [{ oracle: "failed-call-ignored", routes: ANY }],
  time_manipulation: [{ oracle: "clock-dependent", routes: ANY }],
  bad_randomness: [{ oracle: "clock-dependent", routes: ANY }],
};

/** The oracles that can confirm this finding; empty when none can (front running, short addresses, …). */
export function proofsFor(finding: Finding): readonly Proof[] {
  return BY_SWC[finding.detector.swc] ?? BY_CATEGORY[finding.detector.category] ?? [];
}

const FALLBACKS = new Set(["", "fallback", "receive"]);

function functionName(signature: string): string {
  return signature.replace(/\s+/g, "").split("(")[0]!;
}

function sameFunction(wanted: string, signature: string): boolean {
  if (FALLBACKS.has(functionName(wanted)) && FALLBACKS.has(functionName(signature))) return true;
  return wanted.includes("(") ? signature === wanted : functionName(signature) === wanted;
}

/**
 * Whether the decisive transaction went through the finding's function. A function of the ABI must
 * have been entered; an internal function, a modifier or a library function cannot be seen from
 * outside, so any entry counts; a constructor never runs in a campaign, so its findings stay
 * unconfirmed.
 */
function entered(finding: Finding, functions: ReadonlySet<string>, external: ReadonlySet<string>): boolean {
  const wanted = finding.function.replace(/\s+/g, "");
  if (wanted === "") return true;
  if (functionName(wanted) === "constructor") return false;
  const visible = [...external].some((signature) => sameFunction(wanted, signature));
  if (!visible) return true;
  return [...functions].some((signature) => sameFunction(wanted, signature));
}

/**
 * The observation that confirms the finding best: its most specific proof first (an unprotected
 * selfdestruct is shown by the SELFDESTRUCT, before the ether it moved), then the earliest.
 * `external`: signatures of the contract's ABI functions, with `receive()` for its receive/fallback.
 */
export function confirming(finding: Finding, observations: readonly Observation[], external: ReadonlySet<string>): Observation | undefined {
  for (const proof of proofsFor(finding)) {
    const found = observations.find(
      (o) => o.oracle === proof.oracle && proof.routes.includes(o.route) && entered(finding, o.functions, external),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

export function needsClock(finding: Finding): boolean {
  return proofsFor(finding).some((p) => p.oracle === "clock-dependent");
}
