/**
 * The ethereum/tests GeneralStateTests JSON format, as io-ts codecs.
 *
 * A file maps test names to tests; each test has a block `env`, a `pre` state, a parameterised
 * `transaction` (arrays of data, gas limits and values) and, per fork, a list of `post` entries
 * naming one (data, gas, value) combination, its signed `txbytes` and the expected post-state root
 * (`hash`) and logs hash (`logs`). Format reference: ethereum/tests docs, "GeneralStateTests".
 * execution-spec-tests' state-test fixtures have the same layout with one fork and one entry per
 * test, test names that are pytest node ids (`path.py::test_x[fork_Prague-...]`), a `state` in
 * each post entry (the full post-state, ignored: `hash` pins it), `authorizationList` (EIP-7702)
 * and a `config`; `_info` is metadata and ignored.
 *
 * Decoding turns hex leaves into the plain values the runner needs (bigint, Uint8Array, Map), so
 * a file that decodes is a file the runner can use without further checks; a file that does not
 * decode is reported with the JSON path of the first offending value.
 */
import * as t from "io-ts";
import { bytesToHex, hexToBytes } from "../../spec/primitives/bytes.js";

const QUANTITY = /^0x[0-9a-fA-F]+$/;
const BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

/**
 * A string matching `pattern`, decoded by `decode` and encoded back by `encode`; the codec's
 * name says what was expected when a value does not match.
 */
function hexCodec<A>(
  name: string,
  pattern: RegExp,
  is: (u: unknown) => u is A,
  decode: (hex: string) => A,
  encode: (a: A) => string,
): t.Type<A, string, unknown> {
  return new t.Type<A, string, unknown>(
    name,
    is,
    (u, c) => (typeof u === "string" && pattern.test(u) ? t.success(decode(u)) : t.failure(u, c)),
    encode,
  );
}

const isBigInt = (u: unknown): u is bigint => typeof u === "bigint";
const isBytes = (u: unknown): u is Uint8Array => u instanceof Uint8Array;
const quantityToHex = (n: bigint): string => `0x${n.toString(16)}`;

/** An unsigned integer as 0x-prefixed hex (at least one digit), e.g. `"0x0a"`. */
export const HexQuantity = hexCodec("hex quantity", QUANTITY, isBigInt, BigInt, quantityToHex);
/** Bytes as 0x-prefixed hex with an even number of digits; `"0x"` is empty. */
export const HexBytes = hexCodec("hex bytes", BYTES, isBytes, hexToBytes, bytesToHex);
/** A 20-byte address, as a 160-bit bigint. */
export const Address = hexCodec("address (0x + 40 hex digits)", ADDRESS, isBigInt, BigInt, (n) =>
  `0x${n.toString(16).padStart(40, "0")}`,
);
/** A 32-byte hash. */
export const Hash32 = hexCodec("32-byte hash (0x + 64 hex digits)", HASH, isBytes, hexToBytes, bytesToHex);
/** The transaction's `to`: an address, or `""` for contract creation (decoded as `null`). */
export const Recipient = new t.Type<bigint | null, string, unknown>(
  'address or ""',
  (u): u is bigint | null => u === null || isBigInt(u),
  (u, c) => (u === "" ? t.success(null) : Address.validate(u, c)),
  (to) => (to === null ? "" : Address.encode(to)),
);

/** An index into the transaction's data, gas or value arrays. */
export const Index = new t.Type<number, number, unknown>(
  "number",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u !== "number") return t.failure(u, c);
    if (!Number.isSafeInteger(u) || u < 0) return t.failure(u, c, "expected a non-negative integer");
    return t.success(u);
  },
  (n) => n,
);

/**
 * A JSON object whose keys are hex (addresses, storage slots), decoded into a Map keyed by
 * bigint. Keys that differ only in letter case name the same entry, which is an error.
 */
function hexKeyedMap<V, O>(name: string, key: t.Type<bigint, string, unknown>, value: t.Type<V, O, unknown>) {
  return new t.Type<Map<bigint, V>, Record<string, O>, unknown>(
    name,
    (u): u is Map<bigint, V> => u instanceof Map,
    (u, c) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
      const out = new Map<bigint, V>();
      for (const [k, v] of Object.entries(u)) {
        const decodedKey = key.validate(k, t.appendContext(c, k, key, k));
        if (decodedKey._tag === "Left") return decodedKey;
        const entryContext = t.appendContext(c, k, value, v);
        if (out.has(decodedKey.right)) return t.failure(k, entryContext, `duplicate key ${k}`);
        const decodedValue = value.validate(v, entryContext);
        if (decodedValue._tag === "Left") return decodedValue;
        out.set(decodedKey.right, decodedValue.right);
      }
      return t.success(out);
    },
    (map) => Object.fromEntries([...map].map(([k, v]) => [key.encode(k), value.encode(v)])),
  );
}

export const Account = t.type(
  {
    balance: HexQuantity,
    nonce: HexQuantity,
    code: HexBytes,
    storage: hexKeyedMap("storage", HexQuantity, HexQuantity),
  },
  "account",
);

export const Env = t.intersection(
  [
    t.type({
      currentCoinbase: Address,
      currentDifficulty: HexQuantity,
      currentGasLimit: HexQuantity,
      currentNumber: HexQuantity,
      currentTimestamp: HexQuantity,
    }, "env"),
    t.partial({
      currentBaseFee: HexQuantity,
      currentRandom: HexQuantity,
      currentExcessBlobGas: HexQuantity,
    }, "env"),
  ],
  "env",
);

const AccessList = t.array(t.type({ address: Address, storageKeys: t.array(Hash32) }, "access list entry"), "access list");

/**
 * An EIP-7702 authorization tuple as execution-spec-tests writes it; `signer` is the recovered
 * authority when there is one. Validated only: the runner executes `txbytes`.
 */
const Authorization = t.intersection(
  [
    t.type({ chainId: HexQuantity, address: Address, nonce: HexQuantity, r: HexQuantity, s: HexQuantity }, "authorization"),
    t.partial({ v: HexQuantity, yParity: HexQuantity, signer: Address }, "authorization"),
  ],
  "authorization",
);

/**
 * The parameterised transaction. The runner executes `txbytes` of each post entry, so these
 * fields are validated but only the array lengths are used (to check the post entries' indexes).
 */
export const Transaction = t.intersection(
  [
    t.type({
      data: t.array(HexBytes),
      gasLimit: t.array(HexQuantity),
      value: t.array(HexQuantity),
      nonce: HexQuantity,
      to: Recipient,
    }, "transaction"),
    t.partial({
      sender: Address,
      secretKey: Hash32,
      gasPrice: HexQuantity,
      maxFeePerGas: HexQuantity,
      maxPriorityFeePerGas: HexQuantity,
      maxFeePerBlobGas: HexQuantity,
      accessLists: t.array(t.union([t.null, AccessList])),
      blobVersionedHashes: t.array(Hash32),
      authorizationList: t.array(Authorization, "authorization list"),
    }, "transaction"),
  ],
  "transaction",
);

export const PostEntry = t.intersection(
  [
    t.type({
      hash: Hash32,
      logs: Hash32,
      txbytes: HexBytes,
      indexes: t.type({ data: Index, gas: Index, value: Index }, "indexes"),
    }, "post entry"),
    t.partial({ expectException: t.string }, "post entry"),
  ],
  "post entry",
);

/** One fork's blob parameters (EIP-7840), as execution-spec-tests' `config.blobSchedule` lists them. */
export const BlobParameters = t.type(
  { target: HexQuantity, max: HexQuantity, baseFeeUpdateFraction: HexQuantity },
  "blob parameters",
);

/**
 * execution-spec-tests' `config`: the chain id and, per fork up to the fixture's, the blob
 * parameters. Both are fork data an implementation already has (state tests run on chain id 1;
 * EIP-7840 fixes the blob schedule per fork), so the runner validates them and does not pass them
 * on; test/spec pins the spec's schedules to the fixtures' `blobSchedule`.
 */
export const Config = t.partial(
  { chainid: HexQuantity, blobSchedule: t.record(t.string, BlobParameters, "blob schedule") },
  "config",
);

export const StateTest = t.intersection(
  [
    t.type(
      {
        env: Env,
        pre: hexKeyedMap("pre", Address, Account),
        transaction: Transaction,
        post: t.record(t.string, t.array(PostEntry, "post entries"), "post"),
      },
      "state test",
    ),
    t.partial({ config: Config }, "state test"),
  ],
  "state test",
);

export type StateTest = t.TypeOf<typeof StateTest>;
export type PostEntry = t.TypeOf<typeof PostEntry>;
export type Env = t.TypeOf<typeof Env>;

/** Test name → test, in the file's order. */
export type StateTestFile = ReadonlyMap<string, StateTest>;

export type DecodeResult = { readonly ok: true; readonly tests: StateTestFile } | { readonly ok: false; readonly error: string };

/** Tags of io-ts types whose children are addressed by a property name. */
const OBJECT_TAGS = new Set(["InterfaceType", "PartialType", "DictionaryType", "StrictType", "ExactType"]);

/**
 * The JSON path of a validation error, e.g. `post.Cancun[0].indexes.data`. Keys that io-ts adds
 * for the members of an intersection or union are not part of the JSON, so they are left out.
 */
export function errorPath(context: t.Context): string {
  let path = "";
  for (let i = 1; i < context.length; i++) {
    const parent = (context[i - 1]!.type as { _tag?: string })._tag ?? "";
    const key = context[i]!.key;
    if (parent === "ArrayType") path += `[${key}]`;
    else if (OBJECT_TAGS.has(parent) || (parent === "" && key !== "")) path += path === "" ? key : `.${key}`;
  }
  return path;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/** One line per validation error: `path: expected <type>, got <value>`. */
export function formatValidationError(error: t.ValidationError): string {
  const last = error.context[error.context.length - 1];
  const path = errorPath(error.context) || "(top level)";
  const what = error.message ?? `expected ${last?.type.name ?? "a valid value"}`;
  return `${path}: ${what}, got ${describeValue(error.value)}`;
}

/**
 * Decodes one GeneralStateTests file. Besides the shapes, it checks that the file holds at least
 * one test and that every post entry's indexes point into the transaction's arrays.
 */
export function decodeStateTestFile(text: string): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, error: `expected an object of tests, got ${describeValue(json)}` };
  }
  const entries = Object.entries(json);
  if (entries.length === 0) return { ok: false, error: "the file holds no tests" };
  const tests = new Map<string, StateTest>();
  for (const [name, value] of entries) {
    const decoded = StateTest.decode(value);
    if (decoded._tag === "Left") {
      const more = decoded.left.length > 1 ? ` (and ${decoded.left.length - 1} more)` : "";
      return { ok: false, error: `${name}: ${formatValidationError(mostSpecific(decoded.left))}${more}` };
    }
    const rangeError = indexRangeError(decoded.right);
    if (rangeError !== undefined) return { ok: false, error: `${name}: ${rangeError}` };
    tests.set(name, decoded.right);
  }
  return { ok: true, tests };
}

/**
 * The error that got deepest into the value. A union reports one error per member; the member
 * that matched furthest is the one the author meant, so its error is the useful one.
 */
function mostSpecific(errors: t.Errors): t.ValidationError {
  return errors.reduce((best, e) => (e.context.length > best.context.length ? e : best));
}

function indexRangeError(test: StateTest): string | undefined {
  const lengths = { data: test.transaction.data.length, gas: test.transaction.gasLimit.length, value: test.transaction.value.length };
  const arrayName = { data: "data", gas: "gasLimit", value: "value" } as const;
  for (const [fork, entries] of Object.entries(test.post)) {
    for (const [i, entry] of entries.entries()) {
      for (const which of ["data", "gas", "value"] as const) {
        const index = entry.indexes[which];
        if (index >= lengths[which]) {
          return `post.${fork}[${i}].indexes.${which}: ${index} is out of range (transaction.${arrayName[which]} has ${lengths[which]} entries)`;
        }
      }
    }
  }
  return undefined;
}
