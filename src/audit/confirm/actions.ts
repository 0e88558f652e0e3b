/**
 * What a campaign does to the target, one action at a time, and how actions are drawn. An action
 * is one transaction, or two for the bait (the attacker arms its contract, then the owner calls it).
 * Between actions the chain moves on by some seconds and blocks.
 */
import fc from "fast-check";
import { type AbiFunction, type AbiInput, functionsOf, type Abi } from "../../abi/index.js";
import {
  type Actor,
  ATTACKER,
  ATTACKER_CONTRACT,
  addressText,
  DEPLOYER,
  ETHER,
  TARGET,
  USER,
} from "./actors.js";
import { AnswerMode } from "./attacker.js";
import { argumentsArbitrary } from "./values.js";

/** A call of one of the target's functions with its arguments. */
export interface TargetCall {
  readonly fn: AbiFunction;
  readonly args: readonly AbiInput[];
}

export type Action =
  /** An account calls the target directly (or sends it plain ether when `call` is null). */
  | { readonly kind: "call"; readonly actor: Actor; readonly call: TargetCall | null; readonly value: bigint; readonly wait: Wait }
  /** The attacker calls the target through its contract, which answers call-backs in `mode`. */
  | {
      readonly kind: "strike";
      readonly call: TargetCall;
      readonly value: bigint;
      readonly mode: AnswerMode;
      readonly again: TargetCall;
      readonly times: number;
      readonly wait: Wait;
    }
  /** The attacker arms its contract with `call`, then the deployer (the owner) calls the contract. */
  | { readonly kind: "bait"; readonly call: TargetCall; readonly wait: Wait };

/** How far the chain moves before the action (SWC-116: contracts that read the clock). */
export interface Wait {
  readonly seconds: bigint;
  readonly blocks: bigint;
}

export const HONEST_ADDRESSES = [DEPLOYER, USER, TARGET, 0x1234n].map(addressText);
const ATTACKER_ADDRESSES = [ATTACKER_CONTRACT, ATTACKER, DEPLOYER, USER, TARGET].map(addressText);

const VALUES: readonly bigint[] = [ETHER / 10n, ETHER, 2n * ETHER, 10n * ETHER];

function valueArbitrary(fn: AbiFunction | null): fc.Arbitrary<bigint> {
  if (fn !== null && fn.stateMutability !== "payable") return fc.constant(0n);
  return fc.oneof({ weight: 1, arbitrary: fc.constant(0n) }, { weight: 2, arbitrary: fc.constantFrom(...VALUES) });
}

const waitArbitrary: fc.Arbitrary<Wait> = fc.record({
  seconds: fc.constantFrom(1n, 7n, 13n, 60n, 3_600n, 86_400n, 30n * 86_400n),
  blocks: fc.constantFrom(1n, 1n, 5n, 100n),
});

/** Functions a transaction can change something through: view and pure ones cannot. */
export function callableFunctions(abi: Abi): AbiFunction[] {
  return functionsOf(abi).filter((fn) => fn.stateMutability !== "view" && fn.stateMutability !== "pure");
}

function targetCallArbitrary(functions: readonly AbiFunction[], addresses: readonly string[]): fc.Arbitrary<TargetCall> {
  return fc.oneof(
    ...functions.map((fn) =>
      argumentsArbitrary(
        fn.inputs.map((i) => i.type),
        addresses,
      ).map((args): TargetCall => ({ fn, args })),
    ),
  );
}

/** Calls of the target's functions by each actor, and the attacker's strikes and bait. */
function callActions(functions: readonly AbiFunction[]): fc.WeightedArbitrary<Action>[] {
  const honest = targetCallArbitrary(functions, HONEST_ADDRESSES);
  const hostile = targetCallArbitrary(functions, ATTACKER_ADDRESSES);
  const withValue = (call: fc.Arbitrary<TargetCall>) =>
    call.chain((c) => valueArbitrary(c.fn).map((value) => ({ call: c, value })));
  const direct = (actor: Actor, calls: fc.Arbitrary<TargetCall>): fc.Arbitrary<Action> =>
    fc
      .record({ cv: withValue(calls), wait: waitArbitrary })
      .map(({ cv, wait }): Action => ({ kind: "call", actor, call: cv.call, value: cv.value, wait }));
  const strike: fc.Arbitrary<Action> = fc
    .record({
      cv: withValue(hostile),
      mode: fc.constantFrom(AnswerMode.Reenter, AnswerMode.Reenter, AnswerMode.Refuse, AnswerMode.Accept),
      again: hostile,
      repeat: fc.boolean(),
      times: fc.integer({ min: 1, max: 3 }),
      wait: waitArbitrary,
    })
    .map(
      ({ cv, mode, again, repeat, times, wait }): Action => ({
        kind: "strike",
        call: cv.call,
        value: cv.value,
        mode,
        // Re-entering the very function under attack is the classic exploit; try it half the time.
        again: repeat ? cv.call : again,
        times,
        wait,
      }),
    );
  const bait: fc.Arbitrary<Action> = fc.record({ call: hostile, wait: waitArbitrary }).map(({ call, wait }): Action => ({ kind: "bait", call, wait }));
  return [
    { weight: 3, arbitrary: direct("deployer", honest) },
    { weight: 3, arbitrary: direct("user", honest) },
    { weight: 3, arbitrary: direct("attacker", hostile) },
    { weight: 4, arbitrary: strike },
    { weight: 1, arbitrary: bait },
  ];
}

/** An action against a target with these callable functions; there must be one, or it must accept plain ether. */
export function actionArbitrary(functions: readonly AbiFunction[], acceptsPlainEther: boolean): fc.Arbitrary<Action> {
  const plainEther: fc.Arbitrary<Action> = fc
    .record({ actor: fc.constantFrom<Actor>("deployer", "user", "attacker"), value: fc.constantFrom(...VALUES), wait: waitArbitrary })
    .map(({ actor, value, wait }): Action => ({ kind: "call", actor, call: null, value, wait }));
  const weighted: fc.WeightedArbitrary<Action>[] = functions.length > 0 ? callActions(functions) : [];
  if (acceptsPlainEther) weighted.push({ weight: 1, arbitrary: plainEther });
  return fc.oneof(...weighted);
}

/**
 * Sequences of actions against a target with these callable functions; null when there is nothing
 * to call (no function that can change state, no way to send it ether).
 */
export function sequenceArbitrary(
  functions: readonly AbiFunction[],
  acceptsPlainEther: boolean,
  maxLength: number,
): fc.Arbitrary<Action[]> | null {
  if (functions.length === 0 && !acceptsPlainEther) return null;
  return fc.array(actionArbitrary(functions, acceptsPlainEther), { minLength: 1, maxLength });
}
