#!/usr/bin/env node
// The `svm` command: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { main } from "../dist/src/cli/main.js";

// A reader that stops early (`svm statetest ... | head`) closes the pipe: stop quietly, as other
// Unix tools do, instead of dying on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
