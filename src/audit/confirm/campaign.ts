/**
 * One sequence of a campaign: actions run from the setup's snapshot on src/vm, each transaction
 * watched by a TransactionObserver and judged by the oracles (oracles.ts).
 */
import { bytesToHex } from "../../abi/index.js";
import { Chain, type Receipt } from "../../vm/session.js";
import type { ExploitStep } from "../finding.js";
import { addressText, attackerHoldings, nameOf } from "./actors.js";
import type { Action, Wait } from "./actions.js";
import type { Setup } from "./deploy.js";
import { TransactionObserver } from "./observer.js";
import { judge, type Observation, type TransactionContext } from "./oracles.js";
import { type Planned, plan } from "./plan.js";
import { attackerTokens } from "./tokens.js";

/** One transaction of a sequence as it ran. */
export interface SentTransaction {
  readonly step: ExploitStep;
  readonly receipt: Receipt;
  /** Signatures of the target's functions the transaction entered. */
  readonly functions: ReadonlySet<string>;
  /** A direct call of one of the target's functions, for gas statistics. */
  readonly direct: string | null;
  /** pcs of the target's runtime code that ran. */
  readonly reached: ReadonlySet<number>;
  /** Index of the action it belongs to. */
  readonly action: number;
}

export interface SequenceRun {
  readonly transactions: readonly SentTransaction[];
  /** Each with `transaction`, the index of the decisive transaction. */
  readonly observations: readonly Observation[];
}

function advance(chain: Chain, wait: Wait): void {
  chain.block = { ...chain.block, timestamp: chain.block.timestamp + wait.seconds, number: chain.block.number + wait.blocks };
}

export interface RunOptions {
  /** Re-run transactions that read the clock at other timestamps and heights (costs extra runs). */
  readonly checkClock: boolean;
  /** Date.now() after which no further transaction is sent (the run is then cut short). */
  readonly deadline: number;
}

/**
 * Gas of each campaign transaction: enough for deep re-entrance, small enough that a transaction
 * that loops until it runs out costs a bounded time under the tracer.
 */
export const CAMPAIGN_GAS = 3_000_000n;

/**
 * The attacker's profit had it made the same calls one after another instead of re-entering: a
 * drain counts as re-entrance only when re-entering took more than this (the re-entering call may
 * just be a function that pays anyone).
 */
function profitWithoutReentry(before: Chain, planned: Planned, start: bigint): bigint {
  if (planned.withoutReentry === null) return -1n;
  const calm = before.copy();
  for (const call of planned.withoutReentry) {
    calm.send({ from: planned.from, to: planned.to, value: call.value, data: call.data, gasLimit: CAMPAIGN_GAS });
  }
  return attackerHoldings((a) => calm.balanceOf(a)) - start;
}

function tokenGain(setup: Setup, chain: Chain, start: bigint | null): bigint | null {
  if (setup.balanceOf === null || start === null) return null;
  const now = attackerTokens(chain, setup.balanceOf);
  return now === null ? null : now - start;
}

/** Runs `actions` from the setup's snapshot, judging every transaction. */
export function runSequence(setup: Setup, actions: readonly Action[], options: RunOptions): SequenceRun {
  const chain = setup.chain.copy();
  const start = attackerHoldings((a) => chain.balanceOf(a));
  const startTokens = setup.balanceOf === null ? null : attackerTokens(chain, setup.balanceOf);
  let bestTokens = 0n;
  const transactions: SentTransaction[] = [];
  const observations: Observation[] = [];
  let bestProfit = 0n;
  const name = (address: bigint) => nameOf(address, setup.contract.name);
  for (const [index, action] of actions.entries()) {
    if (Date.now() >= options.deadline) break;
    advance(chain, action.wait);
    for (const planned of plan(setup, action)) {
      const before = chain.copy();
      const observer = new TransactionObserver(planned.from, planned.to, name);
      const receipt = chain.send({ from: planned.from, to: planned.to, value: planned.value, data: planned.data, gasLimit: CAMPAIGN_GAS }, observer);
      observer.finish(receipt.success);
      const functions = planned.functions(observer.reentered);
      const profit = attackerHoldings((a) => chain.balanceOf(a)) - start;
      transactions.push({
        step: {
          from: addressText(planned.from),
          to: addressText(planned.to),
          value: planned.value,
          calldata: bytesToHex(planned.data),
          call: planned.call,
          block: { timestamp: before.block.timestamp, number: before.block.number },
        },
        receipt,
        functions,
        direct: receipt.success ? planned.direct : null,
        reached: observer.reached,
        action: index,
      });
      const context: TransactionContext = {
        setup,
        before,
        after: chain,
        receipt,
        observer,
        from: planned.from,
        to: planned.to,
        value: planned.value,
        data: planned.data,
        route: planned.route,
        functions,
        profit,
        bestProfit,
        reentrancyPaid: observer.reentered && profit > bestProfit && profitWithoutReentry(before, planned, start) < profit,
        tokenGain: tokenGain(setup, chain, startTokens),
        bestTokenGain: bestTokens,
        checkClock: options.checkClock,
        gasLimit: CAMPAIGN_GAS,
        name,
      };
      for (const observation of judge(context)) observations.push({ ...observation, transaction: transactions.length - 1 });
      if (context.profit > bestProfit) bestProfit = context.profit;
      if (context.tokenGain !== null && context.tokenGain > bestTokens) bestTokens = context.tokenGain;
    }
  }
  return { transactions, observations };
}
