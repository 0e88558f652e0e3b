/**
 * Opcode tables (Yellow Paper Appendix H): names, stack arity and each fork's static gas.
 * The interpreter checks arity and charges static gas from these tables before an opcode runs,
 * so the opcode bodies contain only their dynamic costs and their effect.
 */
import { undefinedOpcodeName } from "../../interface/implementation.js";
import type { ForkSchedule } from "./forks.js";
import { STACK_LIMIT } from "./frame.js";

export const OPCODE_NAMES: readonly string[] = (() => {
  const names: string[] = new Array<string>(256);
  for (let i = 0; i < 256; i++) names[i] = undefinedOpcodeName(i);
  const fixed: Record<number, string> = {
    0x00: "STOP", 0x01: "ADD", 0x02: "MUL", 0x03: "SUB", 0x04: "DIV", 0x05: "SDIV", 0x06: "MOD", 0x07: "SMOD",
    0x08: "ADDMOD", 0x09: "MULMOD", 0x0a: "EXP", 0x0b: "SIGNEXTEND",
    0x10: "LT", 0x11: "GT", 0x12: "SLT", 0x13: "SGT", 0x14: "EQ", 0x15: "ISZERO", 0x16: "AND", 0x17: "OR",
    0x18: "XOR", 0x19: "NOT", 0x1a: "BYTE", 0x1b: "SHL", 0x1c: "SHR", 0x1d: "SAR", 0x1e: "CLZ", 0x20: "KECCAK256",
    0x30: "ADDRESS", 0x31: "BALANCE", 0x32: "ORIGIN", 0x33: "CALLER", 0x34: "CALLVALUE", 0x35: "CALLDATALOAD",
    0x36: "CALLDATASIZE", 0x37: "CALLDATACOPY", 0x38: "CODESIZE", 0x39: "CODECOPY", 0x3a: "GASPRICE",
    0x3b: "EXTCODESIZE", 0x3c: "EXTCODECOPY", 0x3d: "RETURNDATASIZE", 0x3e: "RETURNDATACOPY", 0x3f: "EXTCODEHASH",
    0x40: "BLOCKHASH", 0x41: "COINBASE", 0x42: "TIMESTAMP", 0x43: "NUMBER", 0x44: "PREVRANDAO", 0x45: "GASLIMIT",
    0x46: "CHAINID", 0x47: "SELFBALANCE", 0x48: "BASEFEE", 0x49: "BLOBHASH", 0x4a: "BLOBBASEFEE",
    0x50: "POP", 0x51: "MLOAD", 0x52: "MSTORE", 0x53: "MSTORE8", 0x54: "SLOAD", 0x55: "SSTORE", 0x56: "JUMP",
    0x57: "JUMPI", 0x58: "PC", 0x59: "MSIZE", 0x5a: "GAS", 0x5b: "JUMPDEST", 0x5c: "TLOAD", 0x5d: "TSTORE",
    0x5e: "MCOPY", 0x5f: "PUSH0",
    0xf0: "CREATE", 0xf1: "CALL", 0xf2: "CALLCODE", 0xf3: "RETURN", 0xf4: "DELEGATECALL", 0xf5: "CREATE2",
    0xfa: "STATICCALL", 0xfd: "REVERT", 0xfe: "INVALID", 0xff: "SELFDESTRUCT",
  };
  for (const [code, name] of Object.entries(fixed)) names[Number(code)] = name;
  for (let n = 1; n <= 32; n++) names[0x5f + n] = `PUSH${n}`;
  for (let n = 1; n <= 16; n++) {
    names[0x7f + n] = `DUP${n}`;
    names[0x8f + n] = `SWAP${n}`;
  }
  for (let n = 0; n <= 4; n++) names[0xa0 + n] = `LOG${n}`;
  return names;
})();

/** Before the merge 0x44 is DIFFICULTY; EIP-4399 renamed it PREVRANDAO. */
const PRE_MERGE_OPCODE_NAMES: readonly string[] = OPCODE_NAMES.map((name, op) => (op === 0x44 ? "DIFFICULTY" : name));

/** The opcode names a trace of this fork uses. */
export function opcodeNames(fork: ForkSchedule): readonly string[] {
  return fork.difficultyIsPrevRandao ? OPCODE_NAMES : PRE_MERGE_OPCODE_NAMES;
}

/** [items popped, items pushed] for every defined opcode. */
export function stackArity(op: number): [number, number] {
  if (op >= 0x60 && op <= 0x7f) return [0, 1];
  if (op >= 0x80 && op <= 0x8f) return [op - 0x7f, op - 0x7e];
  if (op >= 0x90 && op <= 0x9f) return [op - 0x8e, op - 0x8e];
  if (op >= 0xa0 && op <= 0xa4) return [op - 0x9e, 0];
  switch (op) {
    case 0x00: case 0x5b: case 0xfe: return [0, 0];
    case 0x08: case 0x09: return [3, 1];
    case 0x15: case 0x19: case 0x1e: case 0x31: case 0x35: case 0x3b: case 0x3f: case 0x40: case 0x49: case 0x51: case 0x54:
    case 0x5c:
      return [1, 1];
    case 0x37: case 0x39: case 0x3e: case 0x5e: return [3, 0];
    case 0x3c: return [4, 0];
    case 0x50: case 0x56: case 0xff: return [1, 0];
    case 0x52: case 0x53: case 0x55: case 0x57: case 0x5d: case 0xf3: case 0xfd: return [2, 0];
    case 0xf0: return [3, 1];
    case 0xf5: return [4, 1];
    case 0xf1: case 0xf2: return [7, 1];
    case 0xf4: case 0xfa: return [6, 1];
  }
  if ((op >= 0x01 && op <= 0x0b) || (op >= 0x10 && op <= 0x1d) || op === 0x20) return [2, 1];
  return [0, 1];
}

/** Static gas of each opcode under `fork` (Yellow Paper Appendix G tiers, EIP-150/1884/2929 prices). */
function staticGas(op: number, fork: ForkSchedule): number {
  if (op >= 0x60 && op <= 0x9f) return 3;
  if (op >= 0xa0 && op <= 0xa4) return 375 * (op - 0x9f);
  const accessPriced = fork.warmColdAccess;
  switch (op) {
    case 0x00: case 0xf3: case 0xfd: case 0x55: return 0;
    case 0x01: case 0x03: case 0x35: case 0x37: case 0x39: case 0x3e: case 0x51: case 0x52: case 0x53: case 0x5e:
    case 0x49:
      return 3;
    // EIP-7939: CLZ is priced like MUL.
    case 0x02: case 0x04: case 0x05: case 0x06: case 0x07: case 0x0b: case 0x1e: case 0x47: return 5;
    case 0x08: case 0x09: case 0x56: return 8;
    case 0x0a: case 0x57: return 10;
    case 0x20: return 30;
    case 0x31: return accessPriced ? 0 : fork.gasBalance;
    case 0x3b: case 0x3c: return accessPriced ? 0 : fork.gasExtCode;
    case 0x3f: return accessPriced ? 0 : fork.gasExtCodeHash;
    case 0x54: return accessPriced ? 0 : fork.gasSload;
    case 0xf1: case 0xf2: case 0xf4: case 0xfa: return accessPriced ? 0 : fork.gasCall;
    case 0x40: return 20;
    case 0x5b: return 1;
    case 0x5c: case 0x5d: return 100;
    case 0xf0: case 0xf5: return fork.gasCreate;
    case 0xff: return fork.gasSelfdestruct;
  }
  if (op >= 0x10 && op <= 0x1d) return 3;
  return 2;
}

export interface OpcodeTable {
  /** Static gas, or -1 for an opcode undefined in this fork. */
  readonly gas: Int32Array;
  /** Minimum stack height. */
  readonly stackMin: Uint16Array;
  /** Maximum stack height before the opcode so that it does not overflow. */
  readonly stackMax: Uint16Array;
}

const tables = new WeakMap<ForkSchedule, OpcodeTable>();

export function opcodeTable(fork: ForkSchedule): OpcodeTable {
  let table = tables.get(fork);
  if (table === undefined) {
    const gas = new Int32Array(256).fill(-1);
    const stackMin = new Uint16Array(256);
    const stackMax = new Uint16Array(256);
    for (const op of fork.opcodes) {
      const [popped, pushed] = stackArity(op);
      gas[op] = staticGas(op, fork);
      stackMin[op] = popped;
      stackMax[op] = STACK_LIMIT - Math.max(0, pushed - popped);
    }
    table = { gas, stackMin, stackMax };
    tables.set(fork, table);
  }
  return table;
}
