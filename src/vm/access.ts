/** Account and storage access pricing: EIP-2929 warm/cold from Berlin, fixed prices before (charged by the opcode table). */
import type { ExecutionContext } from "./context.js";

/** Gas for touching `address` beyond the opcode's static gas: 0 under fixed pricing, else warm (100) or cold (2600). */
export function accountAccessCost(ctx: ExecutionContext, address: bigint): number {
  const fork = ctx.fork;
  if (!fork.warmColdAccess) return 0;
  return ctx.state.warmAddress(address) ? fork.gasWarmAccess : fork.gasColdAccountAccess;
}
