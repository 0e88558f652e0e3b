/**
 * EIP-197: a G2 input must lie in the order-r subgroup. A point on the twist outside it (almost
 * every point of the twist: its cofactor is about 2^254) makes the pairing fail, on src (which
 * relies on @noble/curves' assertValidity for the subgroup check) and on the spec alike; the same
 * input with G2's generator holds or not as the pairing says.
 */
import { bn254 } from "@noble/curves/bn254.js";
import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../spec/fork/forks.js";
import { runPrecompile } from "../../spec/precompiles/index.js";
import { scheduleOf } from "../../src/vm/forks.js";
import { precompileAt } from "../../src/vm/precompiles/index.js";
import { twistPointOutsideG2 } from "../support/bn254-twist.js";

const G2 = bn254.G2.Point;

function word(value: bigint): string {
  return value.toString(16).padStart(64, "0");
}

/** G1's generator (1, 2) paired with `g2`, encoded as EIP-197 says (imaginary parts first). */
function pairingInput(g2: { x: { c0: bigint; c1: bigint }; y: { c0: bigint; c1: bigint } }): Uint8Array {
  const hex = word(1n) + word(2n) + word(g2.x.c1) + word(g2.x.c0) + word(g2.y.c1) + word(g2.y.c0);
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

describe("ECPAIRING's subgroup check (EIP-197)", () => {
  const outside = pairingInput(twistPointOutsideG2());
  const generator = pairingInput(G2.BASE.toAffine());

  it("src refuses a G2 point outside the subgroup and accepts the generator", () => {
    const fork = scheduleOf("Cancun");
    const pairing = precompileAt(8n, fork)!;
    expect(pairing(outside, 1_000_000, fork)).toBe("failure");
    const result = pairing(generator, 1_000_000, fork);
    expect(result).not.toBe("failure");
    // e(G1, G2) alone is not 1.
    expect(typeof result === "object" && result.output[31]).toBe(0);
  });

  it("the spec refuses it too", () => {
    const refused = runPrecompile(8n, outside, 1_000_000n, SCHEDULES.Cancun);
    expect(refused).toMatchObject({ ok: false, outOfGas: false });
    expect(runPrecompile(8n, generator, 1_000_000n, SCHEDULES.Cancun)).toMatchObject({ ok: true });
  });
});
