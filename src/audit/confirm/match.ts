/**
 * Which observations confirm which findings: by the finding's SWC id first, its category
 * otherwise, and the route the attacker took (a drain by re-entrance confirms a reentrancy finding,
 * not a missing access check). When the finding names a function, the decisive transaction must
 * have entered it.
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

const FALLBACKS = new Set(["", "()", "fallback", "receive"]);

function functionName(signature: string): string {
  return signature.replace(/\s+/g, "").split("(")[0]!;
}

function entered(finding: Finding, functions: ReadonlySet<string>): boolean {
  if (finding.function === "") return true;
  const wanted = finding.function.replace(/\s+/g, "");
  for (const signature of functions) {
    if (wanted.includes("(") ? signature === wanted : functionName(signature) === wanted) return true;
    if (FALLBACKS.has(functionName(wanted)) && FALLBACKS.has(functionName(signature))) return true;
  }
  return false;
}

export function confirms(finding: Finding, observation: Observation): boolean {
  return (
    proofsFor(finding).some((p) => p.oracle === observation.oracle && p.routes.includes(observation.route)) &&
    entered(finding, observation.functions)
  );
}

export function needsClock(finding: Finding): boolean {
  return proofsFor(finding).some((p) => p.oracle === "clock-dependent");
}
