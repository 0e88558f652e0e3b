/** Every detector, in the order reports list them. */
import { arrayLengthWrite } from "./array-length-write.js";
import { bytecodeBlockRandomness } from "./bytecode-block-randomness.js";
import { bytecodeBlockValues } from "./bytecode-block-values.js";
import { bytecodeDelegatecall } from "./bytecode-delegatecall.js";
import type { BytecodeDetector } from "./bytecode-detector.js";
import { bytecodeEtherSend } from "./bytecode-ether-send.js";
import { bytecodeReentrancy } from "./bytecode-reentrancy.js";
import { bytecodeSelfdestruct } from "./bytecode-selfdestruct.js";
import { bytecodeTxOrigin } from "./bytecode-tx-origin.js";
import { bytecodeUncheckedCall } from "./bytecode-unchecked-call.js";
import { callsInLoop } from "./calls-in-loop.js";
import { constructorName } from "./constructor-name.js";
import { defaultVisibility } from "./default-visibility.js";
import type { Detector } from "./detector.js";
import { delegatecallInput } from "./delegatecall-input.js";
import { erc20ApproveRace } from "./erc20-approve-race.js";
import { frontRunSolution } from "./front-run-solution.js";
import { integerOverflow } from "./integer-overflow.js";
import { pushPaymentDos } from "./push-payment-dos.js";
import { reentrancyEth } from "./reentrancy-eth.js";
import { reentrancyLimitedGas } from "./reentrancy-limited-gas.js";
import { reentrancyNoEth } from "./reentrancy-no-eth.js";
import { timestampDependence } from "./timestamp-dependence.js";
import { timestampStored } from "./timestamp-stored.js";
import { transactionOrder } from "./transaction-order.js";
import { txOrigin } from "./tx-origin.js";
import { unboundedLoop } from "./unbounded-loop.js";
import { uncheckedBlockArithmetic } from "./unchecked-block-arithmetic.js";
import { uncheckedLowLevel } from "./unchecked-lowlevel.js";
import { uncheckedSend } from "./unchecked-send.js";
import { unprotectedEtherWithdrawal } from "./unprotected-ether-withdrawal.js";
import { unprotectedOwnerWrite } from "./unprotected-owner-write.js";
import { unprotectedSelfdestruct } from "./unprotected-selfdestruct.js";
import { uninitialisedStoragePointer } from "./uninitialised-storage-pointer.js";
import { weakRandomness } from "./weak-randomness.js";

export const DETECTORS: readonly Detector[] = [
  reentrancyEth,
  reentrancyNoEth,
  reentrancyLimitedGas,
  txOrigin,
  uncheckedSend,
  uncheckedLowLevel,
  integerOverflow,
  uncheckedBlockArithmetic,
  transactionOrder,
  frontRunSolution,
  erc20ApproveRace,
  timestampDependence,
  timestampStored,
  unprotectedEtherWithdrawal,
  unprotectedSelfdestruct,
  delegatecallInput,
  unprotectedOwnerWrite,
  arrayLengthWrite,
  defaultVisibility,
  constructorName,
  weakRandomness,
  callsInLoop,
  pushPaymentDos,
  unboundedLoop,
  uninitialisedStoragePointer,
];

/** The detectors over runtime bytecode (src/audit/bytecode); they run when bytecode is generated. */
export const BYTECODE_DETECTORS: readonly BytecodeDetector[] = [
  bytecodeSelfdestruct,
  bytecodeEtherSend,
  bytecodeReentrancy,
  bytecodeUncheckedCall,
  bytecodeTxOrigin,
  bytecodeBlockValues,
  bytecodeBlockRandomness,
  bytecodeDelegatecall,
];
