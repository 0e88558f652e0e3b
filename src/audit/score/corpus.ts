/**
 * The SolidiFI benchmark's layout (Ghaleb & Pattabiraman, ISSTA 2020): `buggy_contracts/<bug type>/`
 * holds `buggy_N.sol` and `BugLog_N.csv`, one row per injected bug: `loc,length,bug type,approach`,
 * where the bug occupies lines loc … loc+length-1 of the contract.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** SolidiFI's seven bug types, by folder name, with the SWC classes that match each. */
export const BUG_TYPES = {
  "Re-entrancy": ["SWC-107"],
  "Timestamp-Dependency": ["SWC-116"],
  "Unchecked-Send": ["SWC-104", "SWC-105"],
  "Unhandled-Exceptions": ["SWC-104"],
  TOD: ["SWC-114"],
  "Overflow-Underflow": ["SWC-101"],
  "tx.origin": ["SWC-115"],
} as const satisfies Record<string, readonly string[]>;

export type BugType = keyof typeof BUG_TYPES;

/** The recall issue 10 asks for on each bug type ("Done when"): 90%, and 60% for transaction-order dependence. */
export const RECALL_TARGETS: Readonly<Record<BugType, number>> = {
  "Re-entrancy": 0.9,
  "Timestamp-Dependency": 0.9,
  "Unchecked-Send": 0.9,
  "Unhandled-Exceptions": 0.9,
  TOD: 0.6,
  "Overflow-Underflow": 0.9,
  "tx.origin": 0.9,
};

export interface InjectedBug {
  /** First line, 1-based. */
  readonly line: number;
  readonly length: number;
}

export interface CorpusContract {
  readonly type: BugType;
  readonly file: string;
  readonly bugs: readonly InjectedBug[];
}

export class CorpusError extends Error {
  readonly code = "CORPUS";
}

/** Parses a BugLog CSV; rows that are not `number,number,…` are refused with their line. */
export function parseBugLog(text: string, where: string): InjectedBug[] {
  const rows = text.split(/\r?\n/).filter((row) => row.trim() !== "");
  return rows.slice(1).map((row, index) => {
    const [loc, length] = row.split(",");
    const line = Number(loc);
    const size = Number(length);
    if (!Number.isInteger(line) || line < 1 || !Number.isInteger(size) || size < 1) {
      throw new CorpusError(`${where}:${index + 2}: expected 'loc,length,…' with positive integers, got '${row}'`);
    }
    return { line, length: size };
  });
}

/** The contracts of a SolidiFI corpus (the folder holding `buggy_contracts`, or that folder itself). */
export function loadCorpus(root: string, types: readonly BugType[] = Object.keys(BUG_TYPES) as BugType[]): CorpusContract[] {
  const base = existsSync(join(root, "buggy_contracts")) ? join(root, "buggy_contracts") : root;
  if (!existsSync(base) || !statSync(base).isDirectory()) throw new CorpusError(`no SolidiFI corpus at ${root}`);
  const contracts: CorpusContract[] = [];
  for (const type of types) {
    const folder = join(base, type);
    if (!existsSync(folder)) continue;
    const files = readdirSync(folder).filter((f) => /^buggy_\d+\.sol$/.test(f));
    files.sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
    for (const name of files) {
      const n = name.match(/\d+/)?.[0] as string;
      const log = join(folder, `BugLog_${n}.csv`);
      if (!existsSync(log)) throw new CorpusError(`${join(folder, name)} has no BugLog_${n}.csv`);
      contracts.push({ type, file: join(folder, name), bugs: parseBugLog(readFileSync(log, "utf8"), log) });
    }
  }
  if (contracts.length === 0) throw new CorpusError(`no buggy_N.sol with a BugLog_N.csv under ${base}`);
  return contracts;
}
