/** The ABI library: types, JSON, selectors, encoding, decoding and formatting of calls. */
export { toChecksumAddress } from "./address.js";
export {
  type DecodedCall,
  decodeCall,
  decodeResult,
  decodeRevert,
  encodeCall,
  findFunction,
  functionsOf,
  PANIC_REASONS,
  type RevertReason,
} from "./calldata.js";
export { decodeParameters } from "./decode.js";
export { encodeParameters } from "./encode.js";
export { type DecodedEvent, decodeEvent, decodeEventLog, parseEventSignature } from "./events.js";
export { AbiError, type AbiErrorCode } from "./errors.js";
export { formatCall, formatValue } from "./format.js";
export { bytesToHex, hexToBytes } from "./hex.js";
export {
  type Abi,
  type AbiConstructor,
  type AbiCustomError,
  type AbiEvent,
  type AbiEventParameter,
  type AbiFallback,
  type AbiFunction,
  type AbiItem,
  parseAbi,
  type StateMutability,
} from "./json.js";
export { eventTopic, parseSignature, selectorHex, selectorOf, signatureOf } from "./selector.js";
export {
  type AbiComponent,
  type AbiJsonParameter,
  type AbiType,
  canonicalType,
  isDynamic,
  parseAbiType,
  parseParameter,
  typeOfJsonParameter,
} from "./types.js";
export type { AbiInput, AbiValue } from "./values.js";
