/**
 * The symbolic world is the spec's world (issue 9): `proofs/host/symbolic-world.ts` extends the
 * spec's `JournaledWorld` (spec/state/journaled-world.ts) as the concrete `WorldState` does, and
 * keeps only storage its own way (writes whose keys and values may be terms) and amounts of ether
 * as terms. This test pins the two worlds together: random sequences of every `World` operation
 * (balances, nonces, code, touches, transfers, creations, storage, transient storage, access sets,
 * refunds, logs, self-destructs, checkpoints and reverts, the end of a transaction) run through
 * both on concrete values, and after each operation every observable must agree, on forks before
 * and after EIP-161 and EIP-6780.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import type { ForkName } from "../../spec/fork/names.js";
import type { Account } from "../../spec/state/account.js";
import { WorldState } from "../../spec/state/world-state.js";
import { initialBlock, transactionFrom } from "../../proofs/environment.js";
import { SymbolicWorld } from "../../proofs/host/symbolic-world.js";
import { z3 } from "../../proofs/z3/context.js";

const ADDRESSES = [1n, 2n, 3n, 4n, 5n];
const KEYS = [0n, 1n, 2n];
const FORKS_CHECKED: readonly ForkName[] = ["Frontier", "EIP158", "Byzantium", "Shanghai", "Cancun"];
const SEQUENCES = 60;
const STEPS = 80;

/** A small deterministic generator (xorshift32), so a failure names a sequence that can be rerun. */
function generator(seed: number): (n: number) => number {
  let state = seed || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

function initialAccounts(): Map<bigint, Account> {
  return new Map<bigint, Account>([
    [1n, { nonce: 1n, balance: 100n, code: Uint8Array.of(0x00), storage: new Map([[0n, 7n]]) }],
    [2n, { nonce: 0n, balance: 5n, code: new Uint8Array(0), storage: new Map() }],
    [3n, { nonce: 0n, balance: 0n, code: new Uint8Array(0), storage: new Map() }],
  ]);
}

function copy(accounts: ReadonlyMap<bigint, Account>): Map<bigint, Account> {
  return new Map([...accounts].map(([address, account]) => [address, { ...account, storage: new Map(account.storage) }]));
}

/** Everything an opcode rule or the transaction processor can read of a world. */
function observe(world: WorldState | SymbolicWorld): unknown {
  return {
    accounts: ADDRESSES.map((a) => ({
      address: a,
      exists: world.exists(a),
      dead: world.isDead(a),
      balance: world.balance(a),
      nonce: world.nonce(a),
      code: Buffer.from(world.code(a)).toString("hex"),
      codeHash: world.codeHash(a),
      codeOrNonce: world.hasCodeOrNonce(a),
      deleting: world.isScheduledForDeletion(a),
      storage: KEYS.map((k) => [world.sload(a, k), world.originalStorage(a, k), world.tload(a, k)]),
    })),
    refund: world.refund,
    logs: world.logs.map((log) => ({ address: log.address, topics: [...log.topics], data: Buffer.from(log.data as Uint8Array).toString("hex") })),
  };
}

describe("the symbolic world against the spec's WorldState", () => {
  beforeAll(async () => {
    await z3();
  });

  for (const fork of FORKS_CHECKED) {
    it(`agrees on every observable after each operation (${fork})`, () => {
      const schedule = SCHEDULES[fork];
      for (let sequence = 1; sequence <= SEQUENCES; sequence++) {
        const pick = generator(sequence * 7919);
        const any = <T>(items: readonly T[]): T => items[pick(items.length)]!;
        const block = initialBlock();
        const tx = transactionFrom(1n);
        let spec = new WorldState(copy(initialAccounts()), schedule, block, tx, () => 0n);
        const symbolic = new SymbolicWorld(initialAccounts(), schedule, { ...block }, tx);
        symbolic.beginTransaction();
        let checkpoints: [number, number][] = [];
        const done: string[] = [];
        for (let step = 0; step < STEPS; step++) {
          const a = any(ADDRESSES);
          const b = any(ADDRESSES);
          const k = any(KEYS);
          const v = BigInt(pick(3));
          const choice = pick(17);
          let results: [unknown, unknown] = [undefined, undefined];
          let what: string;
          switch (choice) {
            case 0:
              what = `setBalance(${a}, ${v})`;
              spec.setBalance(a, v);
              symbolic.setBalance(a, v);
              break;
            case 1:
              what = `incrementNonce(${a})`;
              spec.incrementNonce(a);
              symbolic.incrementNonce(a);
              break;
            case 2: {
              const code = v === 0n ? new Uint8Array(0) : Uint8Array.of(0x60, Number(v), 0x00);
              what = `setCode(${a}, ${code.length} bytes)`;
              spec.setCode(a, code);
              symbolic.setCode(a, code);
              break;
            }
            case 3:
              what = `touch(${a})`;
              spec.touch(a);
              symbolic.touch(a);
              break;
            case 4: {
              const amount = v > spec.balance(a) ? spec.balance(a) : v;
              what = `transfer(${a}, ${b}, ${amount})`;
              spec.transfer(a, b, amount);
              symbolic.transfer(a, b, amount);
              break;
            }
            case 5:
              // CREATE begins only where there is no code, nonce or storage (EIP-684, EIP-7610).
              what = `beginCreate(${a})`;
              if (spec.hasCodeOrNonce(a)) break;
              spec.beginCreate(a);
              symbolic.beginCreate(a);
              break;
            case 6:
            case 7:
              what = `sstore(${a}, ${k}, ${v})`;
              spec.sstore(a, k, v);
              symbolic.sstore(a, k, v);
              break;
            case 8:
              what = `tstore(${a}, ${k}, ${v})`;
              spec.tstore(a, k, v);
              symbolic.tstore(a, k, v);
              break;
            case 9:
              what = `touchAccount(${a})`;
              results = [spec.touchAccount(a), symbolic.touchAccount(a)];
              break;
            case 10:
              what = `touchSlot(${a}, ${k})`;
              results = [spec.touchSlot(a, k), symbolic.touchSlot(a, k)];
              break;
            case 11:
              what = `addRefund(${v})`;
              spec.addRefund(v);
              symbolic.addRefund(v);
              break;
            case 12:
              what = `log(${a}, [${k}])`;
              spec.log(a, [k], Uint8Array.of(Number(v)));
              symbolic.log(a, [k], [Number(v)]);
              break;
            case 13:
              what = `selfdestruct(${a}, ${b})`;
              spec.selfdestruct(a, b);
              symbolic.selfdestruct(a, b);
              break;
            case 14:
              what = "checkpoint";
              checkpoints.push([spec.checkpoint(), symbolic.checkpoint()]);
              break;
            case 15: {
              const checkpoint = checkpoints.pop();
              what = "revert";
              if (checkpoint !== undefined) {
                spec.revertTo(checkpoint[0]);
                symbolic.revertTo(checkpoint[1]);
              }
              break;
            }
            default:
              // The end of the transaction: the spec finalizes its world and the next transaction
              // gets a new one over the same accounts; the symbolic world begins the next itself.
              what = "next transaction";
              spec.finalize();
              spec = new WorldState(spec.accounts, schedule, block, tx, () => 0n);
              symbolic.beginTransaction();
              checkpoints = [];
          }
          done.push(what);
          const context = `${fork}, sequence ${sequence}: ${done.join("; ")}`;
          expect(results[1], context).toEqual(results[0]);
          expect(observe(symbolic), context).toEqual(observe(spec));
        }
      }
    });
  }
});
