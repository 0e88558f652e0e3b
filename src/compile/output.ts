/**
 * The parts of solc's standard JSON output the rest of SVM uses, as typed values: per contract its
 * ABI, creation and runtime bytecode, source maps, storage layout and method identifiers.
 */
import { type Abi, parseAbi } from "../abi/index.js";
import { compileFailure } from "./errors.js";

/** Byte ranges where a library address must be linked in: file → library → positions. */
export type LinkReferences = Readonly<
  Record<string, Readonly<Record<string, readonly { readonly start: number; readonly length: number }[]>>>
>;

/** A state variable's place in storage (Solidity docs, "Layout of State Variables in Storage"). */
export interface StorageEntry {
  readonly label: string;
  /** `file:Contract` that declares the variable. */
  readonly contract: string;
  readonly slot: bigint;
  /** Byte offset inside the slot, for packed variables. */
  readonly offset: number;
  /** Key into `StorageLayout.types`. */
  readonly type: string;
}

export interface StorageType {
  readonly label: string;
  readonly encoding: string;
  readonly numberOfBytes: number;
  readonly key?: string;
  readonly value?: string;
  readonly base?: string;
  readonly members?: readonly StorageEntry[];
}

export interface StorageLayout {
  readonly storage: readonly StorageEntry[];
  readonly types: Readonly<Record<string, StorageType>>;
}

/** The files of one compilation, by the source ids that source maps refer to. */
export interface SourceTable {
  readonly byId: ReadonlyMap<number, { readonly name: string; readonly content: string }>;
}

export interface CompiledContract {
  readonly name: string;
  /** Source unit name of the file that declares it. */
  readonly sourceName: string;
  /** `sourceName:name`, unique within a compilation. */
  readonly fullyQualifiedName: string;
  readonly compilerVersion: string;
  readonly abi: Abi;
  /** The ABI JSON exactly as solc emitted it, for writing artifacts. */
  readonly abiJson: readonly unknown[];
  /**
   * Init code; empty for interfaces and abstract contracts. Unlinked library addresses are left as
   * zero bytes at the positions `linkReferences` lists.
   */
  readonly creationBytecode: Uint8Array;
  readonly runtimeBytecode: Uint8Array;
  readonly linkReferences: LinkReferences;
  readonly deployedLinkReferences: LinkReferences;
  /** solc's compressed source map (`s:l:f:j:m;…`) of the creation code. */
  readonly creationSourceMap: string;
  /** The same for the runtime code: maps each runtime instruction to a source range. */
  readonly deployedSourceMap: string;
  /** Absent for compilers before 0.5.13, which cannot report it. */
  readonly storageLayout: StorageLayout | undefined;
  /** Canonical signature → 4-byte selector in hex without 0x, as solc reports them. */
  readonly methodIdentifiers: Readonly<Record<string, string>>;
  readonly sources: SourceTable;
}

interface RawBytecode {
  readonly object?: string;
  readonly sourceMap?: string;
  readonly linkReferences?: LinkReferences;
}

export interface RawContract {
  readonly abi?: unknown[];
  readonly evm?: {
    readonly bytecode?: RawBytecode;
    readonly deployedBytecode?: RawBytecode;
    readonly methodIdentifiers?: Record<string, string>;
  };
  readonly storageLayout?: {
    readonly storage: readonly RawStorageEntry[];
    readonly types: Readonly<Record<string, RawStorageType>> | null;
  };
}

interface RawStorageEntry {
  readonly label: string;
  readonly contract: string;
  readonly slot: string;
  readonly offset: number;
  readonly type: string;
}

interface RawStorageType {
  readonly label: string;
  readonly encoding: string;
  readonly numberOfBytes: string;
  readonly key?: string;
  readonly value?: string;
  readonly base?: string;
  readonly members?: readonly RawStorageEntry[];
}

/** Library placeholders are 40 characters framed by `__` (`__$<hash>$__` since 0.5, `__<name>___…` before); hex has no `_`. */
const LINK_PLACEHOLDER = /__.{36}__/g;

/** Bytecode hex as solc gives it (no 0x; placeholders where libraries are unlinked) to bytes. */
export function bytecodeBytes(hex: string, where: string): Uint8Array {
  const linked = hex.replace(LINK_PLACEHOLDER, (placeholder) => "0".repeat(placeholder.length));
  if (linked.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(linked)) {
    throw compileFailure("COMPILE", "OutputError", `${where}: solc returned bytecode that is not hex`);
  }
  return Uint8Array.from(Buffer.from(linked, "hex"));
}

function storageEntry(raw: RawStorageEntry): StorageEntry {
  return { label: raw.label, contract: raw.contract, slot: BigInt(raw.slot), offset: raw.offset, type: raw.type };
}

function storageLayout(raw: RawContract["storageLayout"]): StorageLayout | undefined {
  if (raw === undefined) return undefined;
  const types: Record<string, StorageType> = {};
  for (const [id, t] of Object.entries(raw.types ?? {})) {
    types[id] = {
      label: t.label,
      encoding: t.encoding,
      numberOfBytes: Number(t.numberOfBytes),
      ...(t.key === undefined ? {} : { key: t.key }),
      ...(t.value === undefined ? {} : { value: t.value }),
      ...(t.base === undefined ? {} : { base: t.base }),
      ...(t.members === undefined ? {} : { members: t.members.map(storageEntry) }),
    };
  }
  return { storage: raw.storage.map(storageEntry), types };
}

export function toCompiledContract(
  sourceName: string,
  name: string,
  raw: RawContract,
  compilerVersion: string,
  sources: SourceTable,
): CompiledContract {
  const where = `${sourceName}:${name}`;
  const abiJson = raw.abi ?? [];
  return {
    name,
    sourceName,
    fullyQualifiedName: where,
    compilerVersion,
    abi: parseAbi(abiJson),
    abiJson,
    creationBytecode: bytecodeBytes(raw.evm?.bytecode?.object ?? "", where),
    runtimeBytecode: bytecodeBytes(raw.evm?.deployedBytecode?.object ?? "", where),
    linkReferences: raw.evm?.bytecode?.linkReferences ?? {},
    deployedLinkReferences: raw.evm?.deployedBytecode?.linkReferences ?? {},
    creationSourceMap: raw.evm?.bytecode?.sourceMap ?? "",
    deployedSourceMap: raw.evm?.deployedBytecode?.sourceMap ?? "",
    storageLayout: storageLayout(raw.storageLayout),
    methodIdentifiers: raw.evm?.methodIdentifiers ?? {},
    sources,
  };
}
