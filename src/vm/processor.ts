/**
 * Applies one transaction to a state (Yellow Paper §6, with EIP-1559 fees, EIP-2929/2930 warm
 * sets, EIP-3529 refunds, EIP-3651 warm coinbase, EIP-4844 blob fees, EIP-161 clearing).
 */
import type { BlockEnv, CaseOutcome, ForkName, FrameStatus, PreState, ProgressProbe, Tracer } from "../../interface/implementation.js";
import { bytesToBigInt } from "./bytes.js";
import { applyAuthorizations } from "./authorizations.js";
import { beginCall, beginCreate, createAddress, hasCollision } from "./calls.js";
import { type BlockContext, createBlockContext, createContext, type ExecutionContext } from "./context.js";
import { delegatedAddress } from "./delegation.js";
import { execute, type FrameOutcome } from "./execute.js";
import { scheduleOf } from "./forks.js";
import { Frame, Halt, haltName } from "./frame.js";
import { precompileAddresses } from "./precompiles/index.js";
import { stateRoot, logsHash } from "./state-root.js";
import { CHAIN_ID, decodeTransaction, type Transaction, TransactionRejected } from "./transaction.js";
import { blobBaseFee } from "./blob-gas.js";
import { validateTransaction } from "./validation.js";
import { WorldState } from "./world-state.js";

function blockContext(env: BlockEnv, fork: ForkName): BlockContext {
  const schedule = scheduleOf(fork);
  return createBlockContext({
    coinbase: env.coinbase,
    gasLimit: env.gasLimit,
    number: env.number,
    timestamp: env.timestamp,
    difficultyOrRandao: schedule.difficultyIsPrevRandao ? (env.prevRandao ?? 0n) : env.difficulty,
    baseFee: env.baseFee ?? 0n,
    blobBaseFee: schedule.blobGasPerBlob > 0 ? blobBaseFee(schedule, env) : 0n,
    chainId: CHAIN_ID,
  });
}

/** EIP-2929/2930/3651: addresses and slots warm before the first instruction. */
function warmUp(ctx: ExecutionContext, tx: Transaction, target: bigint): void {
  const { state, fork } = ctx;
  if (!fork.warmColdAccess) return;
  state.warmAddress(tx.sender);
  state.warmAddress(target);
  for (const address of precompileAddresses(fork)) state.warmAddress(address);
  if (fork.warmCoinbase) state.warmAddress(ctx.block.coinbase);
  for (const entry of tx.accessList) {
    state.warmAddress(entry.address);
    for (const key of entry.storageKeys) state.warmSlot(entry.address, key);
  }
}

/** Runs the transaction's message: a call, or a creation at the sender's next address. */
function runMessage(ctx: ExecutionContext, tx: Transaction, gas: bigint, created: bigint | null): FrameOutcome {
  const state = ctx.state;
  if (created !== null) {
    if (hasCollision(ctx, created)) return { status: Halt.AddressCollision, gasLeft: 0n, output: new Uint8Array(0) };
    const frame = beginCreate(ctx, { caller: tx.sender, address: created, value: tx.value, initcode: tx.data, gas, depth: 0 });
    return execute(ctx, frame);
  }
  const to = tx.to!;
  // EIP-7702: a delegated recipient runs its delegate's code; the delegate is warmed without charge.
  const delegate = ctx.fork.delegation ? delegatedAddress(state.codeOf(to)) : null;
  if (delegate !== null) state.warmAddress(delegate);
  const started = beginCall(ctx, {
    caller: tx.sender,
    address: to,
    codeAddress: delegate ?? to,
    delegated: delegate !== null,
    value: tx.value,
    transfersValue: true,
    input: tx.data,
    gas,
    isStatic: false,
    depth: 0,
  });
  if (started instanceof Frame) return execute(ctx, started);
  return { status: started.halt, gasLeft: started.gasLeft, output: started.output };
}

export interface StateTransitionInput {
  readonly fork: ForkName;
  readonly env: BlockEnv;
  readonly pre: PreState;
  readonly txBytes: Uint8Array;
  readonly tracer?: Tracer | undefined;
  readonly progress?: ProgressProbe | undefined;
}

export function applyTransaction(input: StateTransitionInput): CaseOutcome {
  const state = new WorldState(input.pre);
  let result: ExecutedTransaction;
  try {
    const tx = decodeTransaction(input.txBytes, scheduleOf(input.fork));
    result = executeTransaction(state, tx, input.env, input.fork, input);
  } catch (error) {
    if (error instanceof TransactionRejected) {
      return { kind: "rejected", stateRoot: stateRoot(state.accounts), error: error.error, message: error.message };
    }
    throw error;
  }
  return {
    kind: "executed",
    stateRoot: stateRoot(state.accounts),
    logsHash: logsHash(state.logs),
    gasUsed: result.gasUsed,
    output: result.output,
    status: result.status,
  };
}

/** What running a valid transaction produced; its effects are in the WorldState it ran on. */
export interface ExecutedTransaction {
  /** "success", "revert", or the exceptional halt that ended the top frame. */
  readonly status: FrameStatus;
  readonly output: Uint8Array;
  readonly gasUsed: bigint;
  /** The new contract's address when a creation succeeded, else null. */
  readonly created: bigint | null;
}

/**
 * Validates `tx` against `state` and runs it there. Throws TransactionRejected (leaving `state`
 * untouched) when the transaction is invalid; its sender is taken as given, so a caller that did
 * not decode a signed transaction can run one on behalf of any account.
 */
export function executeTransaction(
  state: WorldState,
  tx: Transaction,
  env: BlockEnv,
  forkName: ForkName,
  hooks: { readonly tracer?: Tracer | undefined; readonly progress?: ProgressProbe | undefined } = {},
): ExecutedTransaction {
  const fork = scheduleOf(forkName);
  const valid = validateTransaction(tx, fork, env, state);
  const gasPrice = valid.gasPrice;
  const intrinsic = valid.intrinsicGas;
  const blobFee = valid.blobGas * valid.blobGasPrice;
  const block = blockContext(env, forkName);
  const ctx = createContext({
    fork,
    state,
    block,
    origin: tx.sender,
    gasPrice,
    blobHashes: tx.blobVersionedHashes.map(bytesToBigInt),
    tracer: hooks.tracer ?? null,
    progress: hooks.progress ?? null,
  });
  const senderNonce = state.get(tx.sender)?.nonce ?? 0n;
  state.setBalance(tx.sender, state.balanceOf(tx.sender) - tx.gasLimit * gasPrice - blobFee);
  state.setNonce(tx.sender, senderNonce + 1n);
  const created = tx.to === null ? createAddress(tx.sender, senderNonce) : null;
  warmUp(ctx, tx, created ?? tx.to!);
  if (tx.authorizations.length > 0) state.addRefund(applyAuthorizations(state, tx.authorizations, block.chainId, fork));
  // Everything before this point stays even if execution fails.
  const outcome = runMessage(ctx, tx, tx.gasLimit - intrinsic, created);
  const gasUsedBeforeRefund = tx.gasLimit - outcome.gasLeft;
  const refundCounter = BigInt(Math.max(state.refund, 0));
  const refundCap = gasUsedBeforeRefund / BigInt(fork.maxRefundQuotient);
  const gasUsedAfterRefund = gasUsedBeforeRefund - (refundCounter < refundCap ? refundCounter : refundCap);
  // EIP-7623: a transaction pays at least its calldata floor.
  const gasUsed = gasUsedAfterRefund > valid.floorGas ? gasUsedAfterRefund : valid.floorGas;
  state.setBalance(tx.sender, state.balanceOf(tx.sender) + (tx.gasLimit - gasUsed) * gasPrice);
  const tip = fork.burnsBaseFee ? gasPrice - block.baseFee : gasPrice;
  state.setBalance(block.coinbase, state.balanceOf(block.coinbase) + gasUsed * tip);
  state.touch(block.coinbase);
  for (const address of state.selfdestructed) state.deleteAccount(address);
  if (fork.emptyAccountsAreDead) {
    for (const touched of [state.touched, state.touchedDespiteRevert]) {
      for (const address of touched) if (state.get(address)?.isEmpty()) state.deleteAccount(address);
    }
  }
  const status = haltName(outcome.status);
  return { status, output: outcome.output, gasUsed, created: created !== null && outcome.status === Halt.Success ? created : null };
}
