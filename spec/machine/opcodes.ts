/**
 * The instruction table: for every opcode its mnemonic, stack arity, static gas tier and whether
 * it changes state. `step` checks these once before any rule runs (KEVM's `#next`), so the rules
 * only describe what is particular to them. Which opcodes exist in a fork is in the fork's schedule.
 */
import type { Schedule } from "../fork/schedule.js";

/** Schedule fields that hold a static price. */
export type GasTier =
  | "gasZero"
  | "gasBase"
  | "gasVeryLow"
  | "gasLow"
  | "gasMid"
  | "gasHigh"
  | "gasJumpdest"
  | "gasExp"
  | "gasKeccak256"
  | "gasBlockhash"
  | "gasCreate"
  | "gasLog"
  | "gasTransientStorage"
  | "gasSelfdestruct";

export interface OpcodeInfo {
  readonly opcode: number;
  readonly name: string;
  /** Words taken from the stack. */
  readonly pops: number;
  /** Words left on the stack. */
  readonly pushes: number;
  /** Static gas, charged by `step` before the rule. */
  readonly tier: GasTier;
  /** Changes state, so it is forbidden in a static context (EIP-214); its rule checks, once priced (static-context.ts). */
  readonly writes: boolean;
}

type Row = readonly [opcode: number, name: string, pops: number, pushes: number, tier: GasTier, writes?: "writes"];

const rows: Row[] = [
  [0x00, "STOP", 0, 0, "gasZero"],
  [0x01, "ADD", 2, 1, "gasVeryLow"],
  [0x02, "MUL", 2, 1, "gasLow"],
  [0x03, "SUB", 2, 1, "gasVeryLow"],
  [0x04, "DIV", 2, 1, "gasLow"],
  [0x05, "SDIV", 2, 1, "gasLow"],
  [0x06, "MOD", 2, 1, "gasLow"],
  [0x07, "SMOD", 2, 1, "gasLow"],
  [0x08, "ADDMOD", 3, 1, "gasMid"],
  [0x09, "MULMOD", 3, 1, "gasMid"],
  [0x0a, "EXP", 2, 1, "gasExp"],
  [0x0b, "SIGNEXTEND", 2, 1, "gasLow"],
  [0x10, "LT", 2, 1, "gasVeryLow"],
  [0x11, "GT", 2, 1, "gasVeryLow"],
  [0x12, "SLT", 2, 1, "gasVeryLow"],
  [0x13, "SGT", 2, 1, "gasVeryLow"],
  [0x14, "EQ", 2, 1, "gasVeryLow"],
  [0x15, "ISZERO", 1, 1, "gasVeryLow"],
  [0x16, "AND", 2, 1, "gasVeryLow"],
  [0x17, "OR", 2, 1, "gasVeryLow"],
  [0x18, "XOR", 2, 1, "gasVeryLow"],
  [0x19, "NOT", 1, 1, "gasVeryLow"],
  [0x1a, "BYTE", 2, 1, "gasVeryLow"],
  [0x1b, "SHL", 2, 1, "gasVeryLow"],
  [0x1c, "SHR", 2, 1, "gasVeryLow"],
  [0x1d, "SAR", 2, 1, "gasVeryLow"],
  [0x1e, "CLZ", 1, 1, "gasLow"],
  [0x20, "KECCAK256", 2, 1, "gasKeccak256"],
  [0x30, "ADDRESS", 0, 1, "gasBase"],
  [0x31, "BALANCE", 1, 1, "gasZero"],
  [0x32, "ORIGIN", 0, 1, "gasBase"],
  [0x33, "CALLER", 0, 1, "gasBase"],
  [0x34, "CALLVALUE", 0, 1, "gasBase"],
  [0x35, "CALLDATALOAD", 1, 1, "gasVeryLow"],
  [0x36, "CALLDATASIZE", 0, 1, "gasBase"],
  [0x37, "CALLDATACOPY", 3, 0, "gasVeryLow"],
  [0x38, "CODESIZE", 0, 1, "gasBase"],
  [0x39, "CODECOPY", 3, 0, "gasVeryLow"],
  [0x3a, "GASPRICE", 0, 1, "gasBase"],
  [0x3b, "EXTCODESIZE", 1, 1, "gasZero"],
  [0x3c, "EXTCODECOPY", 4, 0, "gasZero"],
  [0x3d, "RETURNDATASIZE", 0, 1, "gasBase"],
  [0x3e, "RETURNDATACOPY", 3, 0, "gasVeryLow"],
  [0x3f, "EXTCODEHASH", 1, 1, "gasZero"],
  [0x40, "BLOCKHASH", 1, 1, "gasBlockhash"],
  [0x41, "COINBASE", 0, 1, "gasBase"],
  [0x42, "TIMESTAMP", 0, 1, "gasBase"],
  [0x43, "NUMBER", 0, 1, "gasBase"],
  [0x44, "PREVRANDAO", 0, 1, "gasBase"],
  [0x45, "GASLIMIT", 0, 1, "gasBase"],
  [0x46, "CHAINID", 0, 1, "gasBase"],
  [0x47, "SELFBALANCE", 0, 1, "gasLow"],
  [0x48, "BASEFEE", 0, 1, "gasBase"],
  [0x49, "BLOBHASH", 1, 1, "gasVeryLow"],
  [0x4a, "BLOBBASEFEE", 0, 1, "gasBase"],
  [0x50, "POP", 1, 0, "gasBase"],
  [0x51, "MLOAD", 1, 1, "gasVeryLow"],
  [0x52, "MSTORE", 2, 0, "gasVeryLow"],
  [0x53, "MSTORE8", 2, 0, "gasVeryLow"],
  [0x54, "SLOAD", 1, 1, "gasZero"],
  [0x55, "SSTORE", 2, 0, "gasZero", "writes"],
  [0x56, "JUMP", 1, 0, "gasMid"],
  [0x57, "JUMPI", 2, 0, "gasHigh"],
  [0x58, "PC", 0, 1, "gasBase"],
  [0x59, "MSIZE", 0, 1, "gasBase"],
  [0x5a, "GAS", 0, 1, "gasBase"],
  [0x5b, "JUMPDEST", 0, 0, "gasJumpdest"],
  [0x5c, "TLOAD", 1, 1, "gasTransientStorage"],
  [0x5d, "TSTORE", 2, 0, "gasTransientStorage", "writes"],
  [0x5e, "MCOPY", 3, 0, "gasVeryLow"],
  [0x5f, "PUSH0", 0, 1, "gasBase"],
  ...Array.from({ length: 32 }, (_, i): Row => [0x60 + i, `PUSH${i + 1}`, 0, 1, "gasVeryLow"]),
  ...Array.from({ length: 16 }, (_, i): Row => [0x80 + i, `DUP${i + 1}`, i + 1, i + 2, "gasVeryLow"]),
  ...Array.from({ length: 16 }, (_, i): Row => [0x90 + i, `SWAP${i + 1}`, i + 2, i + 2, "gasVeryLow"]),
  ...Array.from({ length: 5 }, (_, i): Row => [0xa0 + i, `LOG${i}`, i + 2, 0, "gasLog", "writes"]),
  [0xf0, "CREATE", 3, 1, "gasCreate", "writes"],
  [0xf1, "CALL", 7, 1, "gasZero"],
  [0xf2, "CALLCODE", 7, 1, "gasZero"],
  [0xf3, "RETURN", 2, 0, "gasZero"],
  [0xf4, "DELEGATECALL", 6, 1, "gasZero"],
  [0xf5, "CREATE2", 4, 1, "gasCreate", "writes"],
  [0xfa, "STATICCALL", 6, 1, "gasZero"],
  [0xfd, "REVERT", 2, 0, "gasZero"],
  [0xfe, "INVALID", 0, 0, "gasZero"],
  [0xff, "SELFDESTRUCT", 1, 0, "gasSelfdestruct", "writes"],
];

/** Opcode → info; bytes without an entry are not instructions in any fork. */
export const OPCODES: ReadonlyMap<number, OpcodeInfo> = new Map(
  rows.map(([opcode, name, pops, pushes, tier, writes]) => [
    opcode,
    { opcode, name, pops, pushes, tier, writes: writes === "writes" },
  ]),
);

/**
 * The mnemonic (also of an instruction a later fork adds), or `opcode 0xc not defined` for a byte
 * no fork defines, as go-ethereum's EIP-3155 traces print them. 0x44 is DIFFICULTY until the merge
 * renamed it PREVRANDAO (EIP-4399).
 */
export function opcodeName(opcode: number, schedule: Schedule): string {
  if (opcode === 0x44 && !schedule.prevRandaoReplacesDifficulty) return "DIFFICULTY";
  // go-ethereum's name for a byte no fork defines (undefinedOpcodeName of the conformance contract).
  return OPCODES.get(opcode)?.name ?? `opcode 0x${opcode.toString(16)} not defined`;
}

export function staticGas(info: OpcodeInfo, schedule: Schedule): bigint {
  return schedule[info.tier];
}
