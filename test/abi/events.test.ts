import { describe, expect, it } from "vitest";
import {
  AbiError,
  bytesToHex,
  decodeEvent,
  decodeEventLog,
  encodeParameters,
  eventTopic,
  hexToBytes,
  parseAbiType,
  parseEventSignature,
} from "../../src/abi/index.js";

const word = (hex: string) => hexToBytes(hex.replace(/^0x/, "").padStart(64, "0"), "test");

describe("event logs", () => {
  const transfer = parseEventSignature("event Transfer(address indexed from, address indexed to, uint256 value)");
  const note = parseEventSignature("Note(string indexed tag, bytes data) anonymous");

  it("parses event signatures with indexed parameters", () => {
    expect(transfer.inputs.map((i) => [i.name, i.indexed])).toEqual([
      ["from", true],
      ["to", true],
      ["value", false],
    ]);
    expect(note.anonymous).toBe(true);
    expect(() => parseEventSignature("Transfer address")).toThrow(AbiError);
  });

  it("decodes indexed topics and data", () => {
    const topics = [eventTopic(transfer), word("01"), word("ab")];
    const decoded = decodeEventLog([transfer], topics, encodeParameters([parseAbiType("uint256")], [500]));
    expect(decoded?.args).toEqual(["0x0000000000000000000000000000000000000001", "0x00000000000000000000000000000000000000AB", 500n]);
    expect(decodeEventLog([transfer], [word("05")], new Uint8Array())).toBeUndefined();
  });

  it("keeps the hash of an indexed dynamic value, and decodes anonymous events when named", () => {
    const tagHash = word("1234");
    const decoded = decodeEvent(note, [tagHash], encodeParameters([parseAbiType("bytes")], ["0xbeef"]));
    expect(bytesToHex(decoded.args[0] as Uint8Array)).toBe(bytesToHex(tagHash));
    expect(decoded.args[1]).toEqual(hexToBytes("0xbeef", "t"));
  });

  it("rejects logs that do not fit the event", () => {
    expect(() => decodeEvent(transfer, [eventTopic(transfer), word("01")], new Uint8Array())).toThrow(/3 topics/);
    expect(() => decodeEvent(transfer, [word("00"), word("01"), word("02")], word("01"))).toThrow(/topic 0/);
    expect(() => decodeEvent(transfer, [eventTopic(transfer), word("01"), word("02")], new Uint8Array(5))).toThrow(AbiError);
  });
});
