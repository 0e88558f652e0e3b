/**
 * ABI JSON (Solidity ABI specification, "JSON"), validated with io-ts and converted to typed items.
 * Accepts what solc 0.4.x to 0.8.x emit: `type` may be absent (it defaults to "function") and
 * `stateMutability` may be missing in old output, in which case `constant`/`payable` decide it.
 */
import * as t from "io-ts";
import { formatValidationError } from "../../conformance/formats/state-tests.js";
import { AbiError } from "./errors.js";
import { type AbiComponent, type AbiJsonParameter, typeOfJsonParameter } from "./types.js";

const Parameter: t.Type<AbiJsonParameter, unknown, unknown> = t.recursion("AbiParameter", () =>
  t.intersection([
    t.type({ type: t.string }),
    t.partial({
      name: t.string,
      internalType: t.string,
      indexed: t.boolean,
      components: t.readonlyArray(Parameter),
    }),
  ]),
);

const Mutability = t.keyof({ pure: null, view: null, nonpayable: null, payable: null });
export type StateMutability = t.TypeOf<typeof Mutability>;

const Item = t.partial({
  type: t.keyof({ function: null, constructor: null, fallback: null, receive: null, event: null, error: null }),
  name: t.string,
  inputs: t.array(Parameter),
  outputs: t.array(Parameter),
  stateMutability: Mutability,
  constant: t.boolean,
  payable: t.boolean,
  anonymous: t.boolean,
});
type JsonItem = t.TypeOf<typeof Item>;

export interface AbiFunction {
  readonly kind: "function";
  readonly name: string;
  readonly inputs: readonly AbiComponent[];
  readonly outputs: readonly AbiComponent[];
  readonly stateMutability: StateMutability;
}
export interface AbiConstructor {
  readonly kind: "constructor";
  readonly inputs: readonly AbiComponent[];
  readonly stateMutability: StateMutability;
}
export interface AbiFallback {
  readonly kind: "fallback" | "receive";
  readonly stateMutability: StateMutability;
}
export interface AbiEventParameter extends AbiComponent {
  readonly indexed: boolean;
}
export interface AbiEvent {
  readonly kind: "event";
  readonly name: string;
  readonly inputs: readonly AbiEventParameter[];
  readonly anonymous: boolean;
}
/** A custom error (`error Unauthorized(address)`), Solidity ≥ 0.8.4. */
export interface AbiCustomError {
  readonly kind: "error";
  readonly name: string;
  readonly inputs: readonly AbiComponent[];
}
export type AbiItem = AbiFunction | AbiConstructor | AbiFallback | AbiEvent | AbiCustomError;
export type Abi = readonly AbiItem[];

function components(parameters: readonly AbiJsonParameter[] | undefined, where: string): AbiComponent[] {
  return (parameters ?? []).map((p, i) => {
    try {
      return { name: p.name ?? "", type: typeOfJsonParameter(p) };
    } catch (error) {
      if (error instanceof AbiError) throw new AbiError("ABI_JSON", `${where} parameter ${i}: ${error.message}`);
      throw error;
    }
  });
}

function mutability(item: JsonItem): StateMutability {
  if (item.stateMutability !== undefined) return item.stateMutability;
  if (item.payable === true) return "payable";
  return item.constant === true ? "view" : "nonpayable";
}

function requireName(item: JsonItem, index: number): string {
  if (item.name === undefined || item.name === "") {
    throw new AbiError("ABI_JSON", `item ${index} (${item.type ?? "function"}) has no name`);
  }
  return item.name;
}

function convert(item: JsonItem, index: number): AbiItem {
  const kind = item.type ?? "function";
  const where = `item ${index} (${item.name ?? kind})`;
  switch (kind) {
    case "function":
      return {
        kind,
        name: requireName(item, index),
        inputs: components(item.inputs, `${where} input`),
        outputs: components(item.outputs, `${where} output`),
        stateMutability: mutability(item),
      };
    case "constructor":
      return { kind, inputs: components(item.inputs, `${where} input`), stateMutability: mutability(item) };
    case "fallback":
    case "receive":
      return { kind, stateMutability: mutability(item) };
    case "event":
      return {
        kind,
        name: requireName(item, index),
        inputs: components(item.inputs, `${where} input`).map((c, i) => ({
          ...c,
          indexed: item.inputs?.[i]?.indexed === true,
        })),
        anonymous: item.anonymous === true,
      };
    case "error":
      return { kind, name: requireName(item, index), inputs: components(item.inputs, `${where} input`) };
  }
}

/** Validates and converts ABI JSON (an array, or a JSON string of one). */
export function parseAbi(json: unknown): Abi {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new AbiError("ABI_JSON", `invalid JSON: ${(error as Error).message}`);
    }
  }
  if (!Array.isArray(value)) throw new AbiError("ABI_JSON", "an ABI must be a JSON array of items");
  return value.map((raw, index) => {
    const decoded = Item.decode(raw);
    if (decoded._tag === "Left") {
      throw new AbiError("ABI_JSON", `item ${index}: ${formatValidationError(decoded.left[0] as t.ValidationError)}`);
    }
    return convert(decoded.right, index);
  });
}
