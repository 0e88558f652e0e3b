/**
 * The oracles: after each transaction of a campaign, what happened that an exploit of the target
 * would show. Each says one thing that ran, never what could run:
 * - ether-drained: the attacker (its account and contract together) holds more ether than before
 *   the sequence, i.e. more than it put in (SWC-105, SWC-106, SWC-115); by re-entrance (SWC-107)
 *   when the same strike without re-entering would have taken less;
 * - tokens-taken: the attacker holds more of the target's token (EIP-20 balanceOf) than at the
 *   start, with no honest actor having named it and no ether paid (SWC-105, SWC-115, access control);
 * - owner-state-changed: a slot the constructor filled with the deployer's address, still holding
 *   it, changed in an attacker's transaction, or one the owner made only by calling the attacker's
 *   contract (SWC-105, SWC-115);
 * - selfdestructed-by-stranger: the target ran SELFDESTRUCT, and it stuck, in such a transaction
 *   (SWC-106);
 * - wrap-stored: ADD/SUB/MUL in the target wrapped and the wrapped value is in storage afterwards,
 *   where it was not before (SWC-101);
 * - failed-call-ignored: a call the target made failed, its success flag never reached a branch,
 *   and the transaction succeeded with the target's state changed (SWC-104);
 * - clock-dependent: the same transaction from the same state, in a block a validator could have
 *   produced instead (timestamp up to 15 s later, or the next height), had another outcome, not
 *   counting slots written with values derived from the clock, which only record it (SWC-116, SWC-120).
 */
import type { Receipt } from "../../vm/session.js";
import { Chain } from "../../vm/session.js";
import { ATTACKER, ATTACKER_CONTRACT, DEPLOYER, TARGET, USER } from "./actors.js";
import type { Setup } from "./deploy.js";
import type { TransactionObserver } from "./observer.js";

export type OracleKind =
  | "ether-drained"
  | "tokens-taken"
  | "owner-state-changed"
  | "selfdestructed-by-stranger"
  | "wrap-stored"
  | "failed-call-ignored"
  | "clock-dependent";

/** How the attacker reached the target in the decisive transaction. */
export type Route = "direct" | "reentrant" | "bait";

export interface Observation {
  readonly oracle: OracleKind;
  readonly route: Route;
  /** Signatures of the target's functions the decisive transaction entered. */
  readonly functions: ReadonlySet<string>;
  /** What happened, in a sentence. */
  readonly effect: string;
  /** Excerpt of the decisive transaction's trace. */
  readonly trace: readonly string[];
  /** Index of the decisive transaction in the sequence. */
  readonly transaction: number;
  /** The target's instruction that did it (the paying CALL, the SSTORE, the wrap…), when one did. */
  readonly pc?: number;
}

export interface TransactionContext {
  readonly setup: Setup;
  /** The chain before the transaction (its block is the one the transaction ran in). */
  readonly before: Chain;
  readonly after: Chain;
  readonly receipt: Receipt;
  readonly observer: TransactionObserver;
  readonly from: bigint;
  readonly to: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly route: Route;
  readonly functions: ReadonlySet<string>;
  /** The attacker's holdings now minus at the start of the sequence. */
  readonly profit: bigint;
  /** The largest profit seen earlier in the sequence. */
  readonly bestProfit: bigint;
  /** The target was re-entered and the attacker took more than the same strike without re-entering would have. */
  readonly reentrancyPaid: boolean;
  /** The attacker's tokens of the target now minus at the start; null when the target keeps none. */
  readonly tokenGain: bigint | null;
  readonly bestTokenGain: bigint;
  readonly checkClock: boolean;
  readonly gasLimit: bigint;
  readonly name: (address: bigint) => string;
}

type Judged = Omit<Observation, "transaction">;

function etherText(wei: bigint): string {
  const ether = 10n ** 18n;
  if (wei % (ether / 1000n) === 0n) return `${Number(wei / (ether / 1000n)) / 1000} ether`;
  return `${wei} wei`;
}

function storageOf(chain: Chain): ReadonlyMap<bigint, bigint> {
  return chain.account(TARGET)?.storage ?? new Map();
}

function storageChanged(before: Chain, after: Chain): bigint[] {
  const a = storageOf(before);
  const b = storageOf(after);
  const slots = new Set([...a.keys(), ...b.keys()]);
  return [...slots].filter((slot) => (a.get(slot) ?? 0n) !== (b.get(slot) ?? 0n));
}

const ATTACKER_SIDE = new Set([ATTACKER, ATTACKER_CONTRACT]);

function drained(c: TransactionContext): Judged[] {
  if (c.profit <= 0n || c.profit <= c.bestProfit) return [];
  const route: Route = c.reentrancyPaid ? "reentrant" : c.route;
  const how = route === "reentrant" ? ", re-entering it while it ran" : route === "bait" ? " through a call the owner was baited into" : "";
  const payment = [...c.observer.calls].reverse().find((call) => call.success === true && call.value > 0n && ATTACKER_SIDE.has(call.to));
  const paidBySelfdestruct = c.observer.selfdestructs.find((d) => ATTACKER_SIDE.has(d.beneficiary));
  const pc = payment?.pc ?? paidBySelfdestruct?.pc;
  return [
    {
      oracle: "ether-drained",
      route,
      functions: c.functions,
      ...(pc === undefined ? {} : { pc }),
      effect: `The attacker ended with ${etherText(c.profit)} more than it put in, taken from ${c.setup.contract.name}${how}.`,
      trace: c.observer.excerpt,
    },
  ];
}

/**
 * Tokens the attacker holds that nobody gave it (the honest actors never name it) and that it did
 * not pay ether for (its ether is not below where it started). Not when arithmetic wrapped in the
 * transaction: that gain is the wrap's, shown by wrap-stored.
 */
function tokensTaken(c: TransactionContext): Judged[] {
  if (c.tokenGain === null || c.tokenGain <= 0n || c.tokenGain <= c.bestTokenGain || c.profit < 0n) return [];
  if (c.observer.storedWraps.length > 0) return [];
  return [
    {
      oracle: "tokens-taken",
      route: c.route,
      functions: c.functions,
      effect: `The attacker holds ${c.tokenGain} more ${c.setup.contract.name} tokens (balanceOf) than at the start, given by nobody and paid for with no ether.`,
      trace: c.observer.excerpt,
    },
  ];
}

/**
 * A transaction of the attacker, or one the owner made only by calling the attacker's contract. The
 * third user is not a stranger here: the deployer may have handed it rights along the sequence.
 */
function byStranger(c: TransactionContext): boolean {
  return c.from === ATTACKER || c.route === "bait";
}

/** Owner slots still as the constructor left them (once the deployer hands them on, they are no longer its). */
function ownerState(c: TransactionContext): Judged[] {
  if (!c.receipt.success || !byStranger(c)) return [];
  const changed = [...c.setup.ownerSlots].filter(
    ([slot, initial]) => c.before.storageAt(TARGET, slot) === initial && c.after.storageAt(TARGET, slot) !== initial,
  ).map(([slot]) => slot);
  return changed.map((slot) => ({
    oracle: "owner-state-changed" as const,
    route: c.route,
    functions: c.functions,
    ...(c.observer.writes.has(slot) ? { pc: c.observer.writes.get(slot)! } : {}),
    effect: `Storage slot ${slot} of ${c.setup.contract.name}, which its constructor set to the deployer's address, was changed from ${hex(c.before.storageAt(TARGET, slot))} to ${hex(c.after.storageAt(TARGET, slot))} by a transaction of the ${c.name(c.from)}${c.route === "bait" ? " into the attacker's contract" : ""}.`,
    trace: c.observer.excerpt,
  }));
}

function hex(word: bigint): string {
  return `0x${word.toString(16)}`;
}

function selfdestructed(c: TransactionContext): Judged[] {
  if (!c.receipt.success || !byStranger(c)) return [];
  const done = c.observer.selfdestructs.find((s) => s.frame.succeeded === true);
  if (done === undefined) return [];
  return [
    {
      oracle: "selfdestructed-by-stranger",
      route: c.route,
      functions: c.functions,
      pc: done.pc,
      effect: `${c.setup.contract.name} executed SELFDESTRUCT in a transaction of the ${c.name(c.from)}, sending its ${etherText(c.before.balanceOf(TARGET) + (c.to === TARGET ? c.value : 0n))} to ${c.name(done.beneficiary)}.`,
      trace: c.observer.excerpt,
    },
  ];
}

function wrapped(c: TransactionContext): Judged[] {
  if (!c.receipt.success) return [];
  // The wrapped value must be what the slot holds afterwards, and not what it held before: a wrap
  // undone by the opposite wrap in the same transaction (x - v + v) moved nothing.
  const kept = c.observer.storedWraps.find(
    (w) => c.after.storageAt(TARGET, w.slot) === w.value && c.before.storageAt(TARGET, w.slot) !== w.value,
  );
  if (kept === undefined) return [];
  const w = kept.wrap;
  const sign = w.opName === "ADD" ? "+" : w.opName === "SUB" ? "-" : "*";
  return [
    {
      oracle: "wrap-stored",
      route: c.route,
      functions: c.functions,
      pc: w.pc,
      effect: `${w.opName} at pc ${w.pc} of ${c.setup.contract.name} computed ${w.a} ${sign} ${w.b} = ${w.exact}, which wrapped at ${w.bits} bits; the wrapped value ${kept.value} was stored in slot ${kept.slot} and the transaction succeeded.`,
      trace: c.observer.excerpt,
    },
  ];
}

function ignoredFailure(c: TransactionContext): Judged[] {
  if (!c.receipt.success) return [];
  const ignored = c.observer.calls.find((call) => call.success === false && !call.used && call.frame.succeeded === true);
  if (ignored === undefined) return [];
  const moved = storageChanged(c.before, c.after);
  const logged = c.receipt.logs.some((log) => log.address === TARGET);
  if (moved.length === 0 && !logged) return [];
  const value = ignored.value === 0n ? "" : ` of ${etherText(ignored.value)}`;
  const what = moved.length > 0 ? `its storage changed (slot${moved.length > 1 ? "s" : ""} ${moved.join(", ")})` : "it emitted events";
  return [
    {
      oracle: "failed-call-ignored",
      route: c.route,
      functions: c.functions,
      pc: ignored.pc,
      effect: `${ignored.opName}${value} from ${c.setup.contract.name} to ${c.name(ignored.to)} (pc ${ignored.pc}) failed; ${c.setup.contract.name} never checked the result, and the transaction succeeded: ${what}.`,
      trace: c.observer.excerpt,
    },
  ];
}

/**
 * What a transaction did, in comparable form. Slots the transaction wrote with a value derived from
 * the clock (`last = now`, a packed `uint64(now)`) are left out: they record the time, and differ
 * between two timestamps whatever the contract decides.
 */
function outcome(receipt: Receipt, after: Chain, recorded: ReadonlySet<bigint>): string {
  const storage = [...storageOf(after)]
    .filter(([slot]) => !recorded.has(slot))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  const balances = [DEPLOYER, USER, ATTACKER, ATTACKER_CONTRACT, TARGET].map((a) => after.balanceOf(a));
  return JSON.stringify([receipt.status, Buffer.from(receipt.output).toString("hex"), storage, balances.map(String)]);
}

function summary(receipt: Receipt, after: Chain, name: string): string {
  const slots = [...storageOf(after)].map(([k, v]) => `${k}=${v}`).join(", ");
  return `${receipt.status}, ${name} holding ${etherText(after.balanceOf(TARGET))}, attacker ${etherText(after.balanceOf(ATTACKER) + after.balanceOf(ATTACKER_CONTRACT))}, storage {${slots}}`;
}

/**
 * Blocks a validator could have produced instead: each later timestamp up to 15 s (the drift
 * SWC-116 cites), or the next height.
 */
const SHIFTS: readonly { readonly seconds: bigint; readonly blocks: bigint }[] = [
  ...Array.from({ length: 15 }, (_, i) => ({ seconds: BigInt(i + 1), blocks: 0n })),
  { seconds: 0n, blocks: 1n },
];

function clockDependent(c: TransactionContext): Judged[] {
  if (!c.checkClock || !c.observer.readsClock) return [];
  const recorded = c.observer.clockSlots;
  const seen = outcome(c.receipt, c.after, recorded);
  for (const shift of SHIFTS) {
    const other = c.before.copy();
    other.block = { ...other.block, timestamp: other.block.timestamp + shift.seconds, number: other.block.number + shift.blocks };
    const receipt = other.send({ from: c.from, to: c.to, value: c.value, data: c.data, gasLimit: c.gasLimit });
    if (outcome(receipt, other, recorded) === seen) continue;
    const block = c.before.block;
    const moved = shift.seconds > 0n ? `timestamp ${block.timestamp} and ${block.timestamp + shift.seconds}` : `block number ${block.number} and ${block.number + shift.blocks}`;
    const name = c.setup.contract.name;
    return [
      {
        oracle: "clock-dependent",
        route: c.route,
        functions: c.functions,
        pc: c.observer.clockPc,
        effect: `The same transaction from the same state gave different outcomes at ${moved}: ${summary(c.receipt, c.after, name)} versus ${summary(receipt, other, name)}.`,
        trace: c.observer.excerpt,
      },
    ];
  }
  return [];
}

export function judge(c: TransactionContext): Judged[] {
  return [...drained(c), ...tokensTaken(c), ...ownerState(c), ...selfdestructed(c), ...wrapped(c), ...ignoredFailure(c), ...clockDependent(c)];
}
