/** Storage and transient storage: SLOAD, SSTORE, TLOAD, TSTORE (EIP-1283, EIP-2200, EIP-2929, EIP-3529, EIP-1153). */
import { ExceptionalHalt } from "../exceptions.js";
import { charge } from "../gas.js";
import type { Frame } from "../frame.js";
import { forbidInStaticContext } from "../static-context.js";

/** The price of reading a slot: fixed before Berlin, warm or cold from EIP-2929 on. */
function slotAccessCost<W, B>(f: Frame<W, B>, key: W): bigint {
  const s = f.host.schedule;
  if (s.accessRule === "fixed") return s.gasSload;
  return f.host.touchSlot(f.message.address, key) ? s.gasColdSload : s.gasWarmAccess;
}

export function SLOAD<W, B>(f: Frame<W, B>): void {
  // stack
  const key = f.pop();
  // gas
  charge(f, slotAccessCost(f, key));
  // operation
  f.push(f.host.sload(f.message.address, key));
  // program counter
  f.pc += 1;
}

/**
 * SSTORE under the fork's rule. Gas and refund depend on the slot's original value (at the start
 * of the transaction), its current value and the new value; they are compared concretely.
 */
export function SSTORE<W, B>(f: Frame<W, B>): void {
  const s = f.host.schedule;
  // stack
  const key = f.pop();
  const value = f.pop();
  // gas
  if (s.sstoreRule === "net-metered-with-sentry" && f.gas <= s.sstoreSentryGas) {
    throw new ExceptionalHalt("out of gas", "EIP-2200: SSTORE needs more than the call stipend");
  }
  const coldCost = s.accessRule === "warm-cold" && f.host.touchSlot(f.message.address, key) ? s.gasColdSload : 0n;
  const original = f.words.need(f.host.originalStorage(f.message.address, key), "SSTORE original value");
  const current = f.words.need(f.host.sload(f.message.address, key), "SSTORE current value");
  const next = f.words.need(value, "SSTORE new value");
  const { cost, refund } =
    s.sstoreRule === "legacy" ? legacyStorePrice(f, current, next) : netMeteredStorePrice(f, original, current, next);
  charge(f, coldCost + cost);
  forbidInStaticContext(f);
  // operation
  if (refund !== 0n) f.host.addRefund(refund);
  f.host.sstore(f.message.address, key, value);
  // program counter
  f.pc += 1;
}

/** Yellow Paper, Appendix G (Frontier to Petersburg, but Constantinople). */
function legacyStorePrice<W, B>(f: Frame<W, B>, current: bigint, next: bigint): { cost: bigint; refund: bigint } {
  const s = f.host.schedule;
  const cost = current === 0n && next !== 0n ? s.gasSstoreSet : s.gasSstoreReset;
  const refund = current !== 0n && next === 0n ? s.refundSstoreClears : 0n;
  return { cost, refund };
}

/** EIP-1283 / EIP-2200 net metering, with EIP-2929's and EIP-3529's constants where the fork has them. */
function netMeteredStorePrice<W, B>(
  f: Frame<W, B>,
  original: bigint,
  current: bigint,
  next: bigint,
): { cost: bigint; refund: bigint } {
  const s = f.host.schedule;
  // A no-op or a write to an already-dirty slot costs what a (warm) read costs.
  const readCost = s.accessRule === "fixed" ? s.gasSload : s.gasWarmAccess;
  let cost = readCost;
  if (original === current && current !== next) cost = original === 0n ? s.gasSstoreSet : s.gasSstoreReset;
  let refund = 0n;
  if (current !== next) {
    if (original !== 0n && current !== 0n && next === 0n) refund += s.refundSstoreClears;
    if (original !== 0n && current === 0n) refund -= s.refundSstoreClears;
    if (original === next) refund += (original === 0n ? s.gasSstoreSet : s.gasSstoreReset) - readCost;
  }
  return { cost, refund };
}

export function TLOAD<W, B>(f: Frame<W, B>): void {
  // stack
  const key = f.pop();
  // gas: static only
  // operation
  f.push(f.host.tload(f.message.address, key));
  // program counter
  f.pc += 1;
}

export function TSTORE<W, B>(f: Frame<W, B>): void {
  // stack
  const key = f.pop();
  const value = f.pop();
  // gas: static only
  forbidInStaticContext(f);
  // operation
  f.host.tstore(f.message.address, key, value);
  // program counter
  f.pc += 1;
}
