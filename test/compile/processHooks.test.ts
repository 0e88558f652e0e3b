/** Its own file, so the compiler is loaded for the first time in this process. */
import { expect, it } from "vitest";
import { compileSoliditySource, compileYul } from "../../src/compile/index.js";

it("loading solc-js leaves the process's error handlers as they were", () => {
  const rejections = process.listenerCount("unhandledRejection");
  const exceptions = process.listenerCount("uncaughtException");
  compileYul("{ }");
  compileSoliditySource("pragma solidity ^0.6.0;\ncontract A {}", { remappings: [] });
  expect(process.listenerCount("unhandledRejection")).toBe(rejections);
  expect(process.listenerCount("uncaughtException")).toBe(exceptions);
});
