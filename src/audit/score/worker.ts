/**
 * One analysis in a worker thread, so the scorer can stop an analysis that overruns its time
 * budget (solc-js and the detectors run synchronously; only terminating the thread stops them).
 */
import { parentPort } from "node:worker_threads";
import { analyseFile } from "../analyse.js";
import type { ScoredFinding } from "./match.js";

export interface WorkerRequest {
  readonly file: string;
}

export interface WorkerReply {
  readonly status: "analysed" | "not-compiled" | "failed";
  readonly message?: string;
  readonly findings: readonly ScoredFinding[];
}

parentPort?.on("message", ({ file }: WorkerRequest) => {
  const { report, findings } = analyseFile(file, { bytecode: false, root: "/" });
  const reply: WorkerReply = {
    status: report.status,
    ...(report.message === undefined ? {} : { message: report.message }),
    findings: findings.map((f) => ({
      detector: f.detector.id,
      swc: f.detector.swc,
      severity: f.detector.severity,
      line: f.location.line,
    })),
  };
  parentPort?.postMessage(reply);
});
