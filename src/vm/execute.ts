/** Runs a message to completion over an explicit frame stack (no JavaScript recursion per call depth). */
import { resumeParent, settleFrame, SUSPEND } from "./calls.js";
import type { ExecutionContext } from "./context.js";
import { type Frame, type Halt, releaseStack } from "./frame.js";
import { runFrame } from "./compile/tier.js";

export interface FrameOutcome {
  readonly status: Halt;
  readonly gasLeft: bigint;
  readonly output: Uint8Array;
}

/** Runs `top` and every frame it spawns; returns the settled outcome of `top`. */
export function execute(ctx: ExecutionContext, top: Frame): FrameOutcome {
  const frames = ctx.frames;
  const base = frames.length;
  frames.push(top);
  for (;;) {
    const frame = frames[frames.length - 1]!;
    if (runFrame(ctx, frame) === SUSPEND) continue;
    settleFrame(ctx, frame);
    frames.pop();
    releaseStack(frame);
    if (frames.length === base) return { status: frame.status, gasLeft: frame.totalGas(), output: frame.output };
    resumeParent(frames[frames.length - 1]!, frame);
  }
}
