/** EIP-4844 blob gas pricing. */
import type { Schedule } from "../fork/schedule.js";

/** fake_exponential(factor, numerator, denominator) ≈ factor · e^(numerator / denominator), by Taylor series. */
export function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let i = 1n;
  let output = 0n;
  let accumulator = factor * denominator;
  while (accumulator > 0n) {
    output += accumulator;
    accumulator = (accumulator * numerator) / (denominator * i);
    i += 1n;
  }
  return output / denominator;
}

/** The price of one unit of blob gas in a block with this excess blob gas. */
export function blobBaseFee(excessBlobGas: bigint, schedule: Schedule): bigint {
  return fakeExponential(schedule.minBlobBaseFee, excessBlobGas, schedule.blobBaseFeeUpdateFraction);
}
