/**
 * Recursive Length Prefix (RLP) serialisation, Yellow Paper Appendix B.
 *
 * An item is a byte string or a list of items. The decoder is strict: every input has exactly one
 * accepted encoding (the one `rlpEncode` produces), so two parties that decode the same bytes
 * agree on their meaning, and re-encoding a decoded value gives back the same bytes (and hash).
 */
import { bigIntToMinimalBytes, bytesToBigInt, concatBytes } from "./bytes.js";

export type RlpItem = Uint8Array | readonly RlpItem[];

/** A byte sequence that is not the canonical RLP encoding of exactly one item. */
export class RlpError extends Error {
  readonly code = "MALFORMED_RLP";
  override readonly name = "RlpError";
}

/** Prefix offsets of Appendix B: short string 0x80+len, long string 0xb7+len-of-len, lists 0xc0 / 0xf7. */
const SHORT_STRING = 0x80;
const LONG_STRING = 0xb7;
const SHORT_LIST = 0xc0;
const LONG_LIST = 0xf7;
/** Payloads shorter than this carry their length in the prefix byte itself. */
const SHORT_PAYLOAD_LIMIT = 56;

function lengthPrefix(payloadLength: number, shortOffset: number, longOffset: number): Uint8Array {
  if (payloadLength < SHORT_PAYLOAD_LIMIT) return Uint8Array.of(shortOffset + payloadLength);
  const lengthBytes = bigIntToMinimalBytes(BigInt(payloadLength));
  return concatBytes(Uint8Array.of(longOffset + lengthBytes.length), lengthBytes);
}

export function rlpEncode(item: RlpItem): Uint8Array {
  if (item instanceof Uint8Array) {
    // A single byte below 0x80 is its own encoding.
    if (item.length === 1 && item[0]! < SHORT_STRING) return Uint8Array.of(item[0]!);
    return concatBytes(lengthPrefix(item.length, SHORT_STRING, LONG_STRING), item);
  }
  const payload = concatBytes(...item.map(rlpEncode));
  return concatBytes(lengthPrefix(payload.length, SHORT_LIST, LONG_LIST), payload);
}

/** The RLP string of an unsigned integer: big-endian with no leading zeros, so 0 is the empty string. */
export function rlpEncodeUint(value: bigint): Uint8Array {
  return bigIntToMinimalBytes(value);
}

/**
 * Decodes exactly one item that spans all of `bytes`.
 *
 * Lists are tracked on an explicit stack rather than by recursion, so deeply nested input is
 * decoded (or rejected) without exhausting the JavaScript call stack.
 */
export function rlpDecode(bytes: Uint8Array): RlpItem {
  if (bytes.length === 0) throw new RlpError("empty input at offset 0: expected an RLP item");
  const open: OpenList[] = [];
  let position = 0;
  for (;;) {
    // An item must end within the innermost open list, or within the input at the top level.
    const limit = open.length === 0 ? bytes.length : open[open.length - 1]!.end;
    const header = readHeader(bytes, position, limit);
    const end = header.payloadStart + header.payloadLength;
    if (header.isList && header.payloadLength > 0) {
      open.push({ items: [], end });
      position = header.payloadStart;
      continue;
    }
    let completed: RlpItem = header.isList ? [] : bytes.slice(header.payloadStart, end);
    position = end;
    // Attach the item to its list; a list whose payload is now used up is complete in turn.
    for (;;) {
      const parent = open[open.length - 1];
      if (parent === undefined) {
        if (position !== bytes.length) {
          throw new RlpError(`${bytes.length - position} trailing byte(s) at offset ${position} after the RLP item`);
        }
        return completed;
      }
      parent.items.push(completed);
      if (position !== parent.end) break;
      open.pop();
      completed = parent.items;
    }
  }
}

/** A list being decoded: the items read so far and the offset where its payload ends. */
interface OpenList {
  readonly items: RlpItem[];
  readonly end: number;
}

/** Header of the item at `offset`: whether it is a list, and where its payload lies. */
interface Header {
  readonly isList: boolean;
  readonly payloadStart: number;
  readonly payloadLength: number;
}

/** Reads the header at `offset` and checks that the whole item fits before `limit`. */
function readHeader(bytes: Uint8Array, offset: number, limit: number): Header {
  const prefix = bytes[offset]!;
  if (prefix < SHORT_STRING) return { isList: false, payloadStart: offset, payloadLength: 1 };
  if (prefix <= LONG_STRING) {
    const payloadLength = prefix - SHORT_STRING;
    requireAvailable(offset + 1, payloadLength, limit, offset);
    if (payloadLength === 1 && bytes[offset + 1]! < SHORT_STRING) {
      throw new RlpError(`non-canonical single byte at offset ${offset}: 0x81 followed by a byte below 0x80`);
    }
    return { isList: false, payloadStart: offset + 1, payloadLength };
  }
  if (prefix < SHORT_LIST) return readLongHeader(bytes, offset, limit, prefix - LONG_STRING, false);
  if (prefix <= LONG_LIST) {
    const payloadLength = prefix - SHORT_LIST;
    requireAvailable(offset + 1, payloadLength, limit, offset);
    return { isList: true, payloadStart: offset + 1, payloadLength };
  }
  return readLongHeader(bytes, offset, limit, prefix - LONG_LIST, true);
}

function readLongHeader(bytes: Uint8Array, offset: number, limit: number, lengthOfLength: number, isList: boolean): Header {
  requireAvailable(offset + 1, lengthOfLength, limit, offset);
  if (bytes[offset + 1] === 0) throw new RlpError(`length with a leading zero byte at offset ${offset}`);
  const length = bytesToBigInt(bytes.subarray(offset + 1, offset + 1 + lengthOfLength));
  if (length < BigInt(SHORT_PAYLOAD_LIMIT)) {
    throw new RlpError(`non-canonical long length ${length} at offset ${offset}: below 56 uses the short form`);
  }
  const payloadStart = offset + 1 + lengthOfLength;
  if (length > BigInt(limit - payloadStart)) {
    throw new RlpError(`item at offset ${offset} declares ${length} payload bytes, only ${limit - payloadStart} remain`);
  }
  return { isList, payloadStart, payloadLength: Number(length) };
}

function requireAvailable(start: number, count: number, limit: number, itemOffset: number): void {
  if (start + count > limit) {
    throw new RlpError(`item at offset ${itemOffset} is truncated: needs ${start + count - limit} more byte(s)`);
  }
}

/** The item as a byte string; `what` names the field in the error. */
export function rlpBytes(item: RlpItem, what: string): Uint8Array {
  if (!(item instanceof Uint8Array)) throw new RlpError(`${what}: expected a byte string, found a list`);
  return item;
}

/** The item as a list; `what` names the field in the error. */
export function rlpList(item: RlpItem, what: string): readonly RlpItem[] {
  if (item instanceof Uint8Array) throw new RlpError(`${what}: expected a list, found a byte string`);
  return item;
}

/** The item as an unsigned integer: a byte string with no leading zero bytes (0 is the empty string). */
export function rlpDecodeUint(item: RlpItem, what: string): bigint {
  const bytes = rlpBytes(item, what);
  if (bytes.length > 0 && bytes[0] === 0) throw new RlpError(`${what}: integer with a leading zero byte`);
  return bytesToBigInt(bytes);
}
