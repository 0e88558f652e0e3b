/**
 * One file's analysis in a worker thread, so `BudgetedAnalyser` can stop an analysis that overruns
 * its time budget (solc-js and the detectors run synchronously; only terminating the thread stops
 * them).
 */
import { parentPort } from "node:worker_threads";
import { type AnalyseOptions, analyseFile, type FileAnalysis } from "./analyse.js";

export interface WorkerRequest {
  readonly file: string;
  readonly options: AnalyseOptions;
}

export type WorkerReply = FileAnalysis;

parentPort?.on("message", ({ file, options }: WorkerRequest) => {
  const reply: WorkerReply = analyseFile(file, options);
  parentPort?.postMessage(reply);
});
