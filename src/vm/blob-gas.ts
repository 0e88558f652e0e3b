/**
 * Blob gas pricing (EIP-4844): the blob base fee follows from a block's excess blob gas, and the
 * excess from the parent block's, with each fork's schedule (EIP-7691/7840) and the EIP-7918 bound.
 */
import type { BlockEnv } from "../../interface/implementation.js";
import type { ForkSchedule } from "./forks.js";

/** EIP-4844 fake_exponential: factor · e^(numerator / denominator) by its Taylor series in integers. */
export function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let i = 1n;
  let output = 0n;
  let accumulator = factor * denominator;
  while (accumulator > 0n) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
    i++;
  }
  return output / denominator;
}

/** The blob base fee of the block (EIP-4844), from its excess blob gas. */
export function blobBaseFee(fork: ForkSchedule, env: Pick<BlockEnv, "excessBlobGas">): bigint {
  return fakeExponential(fork.minBlobBaseFee, env.excessBlobGas ?? 0n, fork.blobBaseFeeUpdateFraction);
}

/** The parent header fields a block's excess blob gas is computed from. */
export interface BlobGasParent {
  readonly excessBlobGas: bigint;
  readonly blobGasUsed: bigint;
  readonly baseFee: bigint;
}

/**
 * calc_excess_blob_gas (EIP-4844) under `fork`, the child's fork. From Osaka (EIP-7918), while
 * BLOB_BASE_COST execution gas costs more than a blob, the excess only grows, by
 * blobGasUsed · (max − target) / max, so the blob fee cannot sink below that floor.
 */
export function excessBlobGas(fork: ForkSchedule, parent: BlobGasParent): bigint {
  const target = BigInt(fork.targetBlobGasPerBlock);
  if (parent.excessBlobGas + parent.blobGasUsed < target) return 0n;
  const blobPrice = BigInt(fork.blobGasPerBlob) * blobBaseFee(fork, { excessBlobGas: parent.excessBlobGas });
  if (fork.blobBaseCost * parent.baseFee > blobPrice) {
    const max = BigInt(fork.maxBlobGasPerBlock);
    return parent.excessBlobGas + (parent.blobGasUsed * (max - target)) / max;
  }
  return parent.excessBlobGas + parent.blobGasUsed - target;
}
