/**
 * The transactions an action stands for, with how each reads in the evidence: a direct call, a
 * strike through the attacker's contract, or the two transactions of a bait.
 */
import { decodeCall, encodeCall, formatCall, signatureOf } from "../../abi/index.js";
import { ACTOR_ADDRESS, ATTACKER, ATTACKER_CONTRACT, DEPLOYER, TARGET } from "./actors.js";
import type { Action, TargetCall } from "./actions.js";
import { AnswerMode, setBaitCalldata, strikeCalldata } from "./attacker.js";
import type { Setup } from "./deploy.js";
import type { Route } from "./oracles.js";

/** `withdraw(amount=1)`, decoded back from the calldata so that it shows what was sent. */
function describeCall(setup: Setup, call: TargetCall | null): string {
  if (call === null) return `${setup.contract.name}: plain ether transfer (receive/fallback)`;
  const decoded = decodeCall([call.fn], encodeCall(call.fn, call.args));
  return `${setup.contract.name}.${formatCall(call.fn, decoded.args)}`;
}

function signature(call: TargetCall | null): string {
  return call === null ? "receive()" : signatureOf(call.fn);
}

function encode(call: TargetCall | null): Uint8Array {
  return call === null ? new Uint8Array(0) : encodeCall(call.fn, call.args);
}

const MODE_TEXT: Record<AnswerMode, string> = {
  [AnswerMode.Accept]: "accepting call-backs",
  [AnswerMode.Reenter]: "re-entering",
  [AnswerMode.Refuse]: "refusing every call-back",
};

export interface Planned {
  readonly from: bigint;
  readonly to: bigint;
  readonly value: bigint;
  readonly data: Uint8Array;
  readonly call: string;
  readonly route: Route;
  readonly functions: (reentered: boolean) => Set<string>;
  readonly direct: string | null;
  /**
   * The same calls one after another instead of nested: the strike accepting call-backs, then the
   * re-entering call as many times as it could have re-entered (each a transaction of its own).
   */
  readonly withoutReentry: readonly { readonly value: bigint; readonly data: Uint8Array }[] | null;
}

/** The transactions of one action. */
export function plan(setup: Setup, action: Action): Planned[] {
  switch (action.kind) {
    case "call":
      return [
        {
          from: ACTOR_ADDRESS[action.actor],
          to: TARGET,
          value: action.value,
          data: encode(action.call),
          call: `${action.actor}: ${describeCall(setup, action.call)}`,
          route: "direct",
          functions: () => new Set([signature(action.call)]),
          direct: signature(action.call),
          withoutReentry: null,
        },
      ];
    case "strike": {
      const data = encode(action.call);
      const again = encode(action.again);
      const answer = action.mode === AnswerMode.Reenter ? `${MODE_TEXT[action.mode]} with ${describeCall(setup, action.again)} up to ${action.times}×` : MODE_TEXT[action.mode];
      return [
        {
          from: ATTACKER,
          to: ATTACKER_CONTRACT,
          value: action.value,
          data: strikeCalldata(TARGET, data, action.mode, again, action.times),
          call: `attacker via its contract: ${describeCall(setup, action.call)}, ${answer}`,
          route: "direct",
          functions: (reentered) => new Set([signature(action.call), ...(reentered ? [signature(action.again)] : [])]),
          direct: null,
          withoutReentry:
            action.mode === AnswerMode.Reenter
              ? [
                  { value: action.value, data: strikeCalldata(TARGET, data, AnswerMode.Accept, again, action.times) },
                  ...Array.from({ length: action.times }, () => ({
                    value: 0n,
                    data: strikeCalldata(TARGET, again, AnswerMode.Accept, again, action.times),
                  })),
                ]
              : null,
        },
      ];
    }
    case "bait":
      return [
        {
          from: ATTACKER,
          to: ATTACKER_CONTRACT,
          value: 0n,
          data: setBaitCalldata(TARGET, encode(action.call)),
          call: `attacker arms its contract with ${describeCall(setup, action.call)}`,
          route: "direct",
          functions: () => new Set(),
          direct: null,
          withoutReentry: null,
        },
        {
          from: DEPLOYER,
          to: ATTACKER_CONTRACT,
          value: 0n,
          data: new Uint8Array(0),
          call: `deployer (the owner) calls the attacker's contract, which calls ${describeCall(setup, action.call)}`,
          route: "bait",
          functions: () => new Set([signature(action.call)]),
          direct: null,
          withoutReentry: null,
        },
      ];
  }
}

